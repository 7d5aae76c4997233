using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace StatService.Api.Tests.Review;

/// <summary>Small HTTP steps the workflow tests repeat.</summary>
public static class HttpSteps
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(HttpClient client, string path, object? body)
    {
        var response = body is null
            ? await client.PostAsync(path, new StringContent(string.Empty, Encoding.UTF8, "application/json"))
            : await client.PostAsJsonAsync(path, body);
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, await ReadAsync(response));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The history of an order view as (actor, from, to, reason) rows, in order.</summary>
    public static (string Actor, string? From, string To, string? Reason)[] History(JsonElement order) =>
        order.GetProperty("history").EnumerateArray()
            .Select(e => (
                e.GetProperty("actor").GetString()!,
                e.GetProperty("from").ValueKind == JsonValueKind.Null ? null : e.GetProperty("from").GetString(),
                e.GetProperty("to").GetString()!,
                e.GetProperty("reason").ValueKind == JsonValueKind.Null ? null : e.GetProperty("reason").GetString()))
            .ToArray();
}
