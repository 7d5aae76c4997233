using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;
using StatService.Worker.Orders;
using Xunit.Abstractions;

namespace StatService.Api.Tests.StorageOutages;

/// <summary>
/// The data folder on a real filesystem that fills up: /health turns Unhealthy and names the free space, orders are
/// answered 503 problem+json with Retry-After (never 500), and once space returns every accepted order is delivered.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_disk_answers_503_and_unhealthy_and_loses_nothing_once_space_returns()
    {
        using var disk = SmallFilesystem.TryMount(24, out var why);
        if (disk is null)
        {
            // Mounting needs root; LockedStoreTests covers the 503 on every machine.
            output.WriteLine($"Not run: cannot mount a small filesystem ({why}).");
            return;
        }

        await using var application = new StatServiceApplication(Path.Combine(disk.Path, "data"), "test-" + Guid.NewGuid().ToString("N"))
        {
            Settings = { ["Storage:MinimumFreeMegabytes"] = "4" },
        };
        using var client = application.CreateClient("demo-journalist");
        var first = await StatServiceApplication.SubmitAsync(client);
        await StatServiceApplication.WaitForStatusAsync(client, first, "delivered");
        Assert.Equal("Healthy", await HealthAsync(client, HttpStatusCode.OK));

        disk.Fill();
        output.WriteLine($"Filled: {disk.FreeBytes} bytes free.");

        var health = await HealthReportAsync(client, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        var diskCheck = health.GetProperty("checks").GetProperty("order-store-disk");
        Assert.Equal("Unhealthy", diskCheck.GetProperty("status").GetString());
        Assert.Contains("0 MB free", diskCheck.GetProperty("description").GetString(), StringComparison.Ordinal);

        // Small writes may still land in pages SQLite had already; keep ordering until the disk refuses one.
        var accepted = new List<Guid> { first };
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 200 && refused is null; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/orders", new { product = FixedResultPipeline.Product, parameters = new { years = new[] { 2022 } } });
            Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("try again", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        output.WriteLine($"Accepted while filling: {accepted.Count - 1}.");
        disk.Free();

        Assert.Equal("Healthy", await HealthAsync(client, HttpStatusCode.OK));
        var after = await StatServiceApplication.SubmitAsync(client);
        accepted.Add(after);
        await application.Services.GetServices<IHostedService>().OfType<SubmittedOrderSweeper>().Single().SweepAsync(CancellationToken.None);
        foreach (var id in accepted)
        {
            await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        }

        // The refused order left nothing behind.
        var stored = await application.Services.GetRequiredService<IOrderStore>().ListAsync(null, null, 1_000, CancellationToken.None);
        Assert.Equal(accepted.Order(), stored.Select(o => o.Id).Order());
    }

    private static async Task<string> HealthAsync(HttpClient client, HttpStatusCode expected) =>
        (await HealthReportAsync(client, expected)).GetProperty("status").GetString()!;

    /// <summary>Health checks may be cached briefly by a load balancer, not here: the first answer must be right.</summary>
    private static async Task<JsonElement> HealthReportAsync(HttpClient client, HttpStatusCode expected)
    {
        using var response = await client.GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"/health answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
