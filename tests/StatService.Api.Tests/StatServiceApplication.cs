using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Catalogue;
using StatService.Core.OrderSpec;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests;

/// <summary>
/// The API with its in-process worker on a data directory of its own, and a Quartz scheduler name of its
/// own, so several applications can run side by side in one test run. The catalogue, validator and
/// pipeline are test doubles; storage, Quartz, authentication and the HTTP pipeline are the real ones.
/// </summary>
public sealed class StatServiceApplication : WebApplicationFactory<Program>
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly bool _ownsDataDirectory;

    public StatServiceApplication()
        : this(Path.Combine(Path.GetTempPath(), "statservice-tests", Guid.NewGuid().ToString("N")), "test-" + Guid.NewGuid().ToString("N"))
    {
        _ownsDataDirectory = true;
    }

    /// <summary>An application on an existing data directory and scheduler: the same service, restarted.</summary>
    public StatServiceApplication(string dataDirectory, string schedulerName)
    {
        DataDirectory = dataDirectory;
        SchedulerName = schedulerName;
    }

    public string DataDirectory { get; }

    public string SchedulerName { get; }

    public FixedResultPipeline Pipeline { get; } = new();

    /// <summary>
    /// When set, the application runs the real catalogue, validator and pipeline on the extracts in this folder
    /// instead of the test doubles: the whole service end to end.
    /// </summary>
    public string? ExtractsDirectory { get; init; }

    /// <summary>Configuration over the defaults, e.g. <c>Worker:RunJobs</c>.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Changes to the service's own registrations, applied after them (a decorated store, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Worker:SchedulerName", SchedulerName);
        // Tests run sweeps themselves; the periodic one would only add noise.
        builder.UseSetting("Worker:SweepInterval", "01:00:00");
        // Extracts come from the test (or are not needed by the test doubles); never generate a demo one.
        builder.UseSetting("Extracts:GenerateDemoIfMissing", "false");
        // Warming every product at start competes with the test's own first order on two cores; tests set it where they need it.
        builder.UseSetting("Extracts:WarmOnStart", "false");
        if (ExtractsDirectory is not null)
        {
            builder.UseSetting("Extracts:Directory", ExtractsDirectory);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }

        builder.ConfigureServices(services =>
        {
            if (ExtractsDirectory is not null)
            {
                return;
            }

            var catalogue = new TestCatalogue();
            services.AddSingleton<IProductCatalogue>(catalogue);
            services.AddSingleton<IOrderRequestValidator>(catalogue);
            services.AddSingleton<IOrderPipeline>(Pipeline);
        });
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Places an order for <paramref name="product"/> and returns its id.</summary>
    public static async Task<Guid> SubmitAsync(HttpClient client, string product = FixedResultPipeline.Product)
    {
        using var response = await client.PostAsJsonAsync("/api/orders", new { product, parameters = new { years = new[] { 2022 } } });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Polls the order until it has <paramref name="status"/>; returns its last view.</summary>
    /// <summary>Submits an order body, waits until it is delivered and returns its result JSON.</summary>
    public static async Task<JsonElement> DeliveredResultAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/api/orders", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Xunit.Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await WaitForStatusAsync(client, id, "delivered");
        return JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result")).RootElement.Clone();
    }

    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid id, string status)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}"));
            var order = body.RootElement.Clone();
            if (order.GetProperty("status").GetString() == status)
            {
                return order;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Order {id} is {order.GetProperty("status")}, not {status}.");
            }

            await Task.Delay(50);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDataDirectory)
        {
            SqliteConnection.ClearAllPools();
            TemporaryDirectory.Delete(DataDirectory);
        }
    }
}
