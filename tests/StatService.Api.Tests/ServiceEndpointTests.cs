using System.Net;
using System.Text.Json;

namespace StatService.Api.Tests;

/// <summary>
/// Liveness and readiness each start an application of their own (their subject is the start); the OpenAPI document
/// and the unknown path are read from one shared application.
/// </summary>
public sealed class ServiceEndpointTests(SharedApplication shared) : IClassFixture<SharedApplication>
{
    [Fact]
    public async Task The_process_is_live_at_once()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_process_becomes_ready_once_its_store_and_scheduler_run()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient();
        var deadline = DateTime.UtcNow + StatServiceApplication.Patience;

        // Not ready until Quartz has started, which waits for the application to start.
        HttpResponseMessage response;
        while ((response = await client.GetAsync("/health")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            response.Dispose();
            await Task.Delay(50);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var report = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("order-store").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_orders_and_their_api_key()
    {
        var application = shared.Application;
        using var client = application.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/orders", out var orders));
        Assert.True(orders.GetProperty("post").GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(orders.GetProperty("post").GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(orders.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(paths.TryGetProperty("/api/orders/{id}/result", out _));
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task An_unknown_path_is_answered_with_a_problem()
    {
        var application = shared.Application;
        using var client = application.CreateClient();

        using var response = await client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
