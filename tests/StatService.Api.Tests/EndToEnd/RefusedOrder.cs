using System.Net;
using System.Text;
using System.Text.Json;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>An order the API must refuse: posted as a journalist, it gets a 400 problem+json whose error for the field names the reason.</summary>
public static class RefusedOrder
{
    public static async Task AssertRefusedAsync(GeneratedExtract extract, string body, string field, string reason)
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-journalist");

        using var response = await client.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(reason, StringComparison.Ordinal));
    }
}
