using System.Net;
using System.Text.Json;

namespace StatService.Api.Tests.BadBodies;

/// <summary>Reads a refused request's answer: a problem+json whose <c>errors</c> name the field.</summary>
public static class ProblemAnswer
{
    public static async Task AssertNamesAsync(HttpResponseMessage response, string field, string? reason = null, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        if (reason is not null)
        {
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(reason, StringComparison.Ordinal));
        }
    }

    /// <summary>The body as raw bytes, so tests can send what no encoder would write.</summary>
    public static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }

    public static ByteArrayContent Json(string body) => Json(System.Text.Encoding.UTF8.GetBytes(body));
}
