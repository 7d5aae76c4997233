using System.Net;
using System.Text;
using System.Text.Json;

namespace StatService.Api.Tests.Recovery;

/// <summary>Orders placed and followed over HTTP on a service running as its own process (its client has the API key).</summary>
public static class ProcessOrders
{
    public static async Task<Guid> SubmitAsync(HttpClient client, string order)
    {
        using var content = new StringContent(order, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("api/orders", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<Dictionary<Guid, string>> StatusesAsync(HttpClient client, List<Guid> ids)
    {
        var statuses = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            using var order = JsonDocument.Parse(await client.GetStringAsync($"api/orders/{id}"));
            statuses[id] = order.RootElement.GetProperty("status").GetString()!;
        }

        return statuses;
    }

    /// <summary>The statuses as "id=status, ..." for a failure message.</summary>
    public static string Describe(Dictionary<Guid, string> statuses) =>
        string.Join(", ", statuses.Select(s => $"{s.Key}={s.Value}"));
}
