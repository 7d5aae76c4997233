using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatService.Core.Orders;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// An order the API must refuse: posted as a journalist, it gets a 400 problem+json whose error for the field names the
/// reason, and nothing is stored (the application is shared by a class of refusals, so its store stays empty).
/// </summary>
public static class RefusedOrder
{
    public static async Task AssertRefusedAsync(StatServiceApplication application, string body, string field, string reason)
    {
        using var client = application.CreateClient("demo-journalist");

        using var response = await client.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(await application.Services.GetRequiredService<IOrderStore>().ListAsync(null, null, 10, CancellationToken.None));
    }
}
