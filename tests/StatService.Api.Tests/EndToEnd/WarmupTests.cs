using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Ledger;
using StatService.Worker.Orders;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// The warm-up at start runs every product's example through the real pipeline and one empty job through Quartz, and
/// leaves no trace: no order, no ledger record, no job, the extract's files as they were. Readiness names it. After a
/// restart it has read the ledger's history before the first order asks for it.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class WarmupTests(GeneratedExtract extract)
{
    [Fact]
    public async Task Warming_up_records_nothing_and_leaves_the_extract_untouched()
    {
        var before = Snapshot(extract.Directory);
        await using var application = new StatServiceApplication
        {
            ExtractsDirectory = extract.Directory,
            Settings = { ["Extracts:WarmOnStart"] = "true" },
        };
        using var client = application.CreateClient("demo-company");

        var warmup = await WarmedAsync(client);
        Assert.Contains($"{extract.Version} warmed", warmup, StringComparison.Ordinal);

        var store = application.Services.GetRequiredService<IOrderStore>();
        Assert.Empty(await store.ListAsync(null, null, 100, CancellationToken.None));
        var ledger = application.Services.GetRequiredService<IReleaseLedger>();
        Assert.Empty(await ledger.EarlierReleasesAsync(extract.Version, Guid.Empty, CancellationToken.None));
        var scheduler = await application.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Empty(await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(SchedulerWarmup.Group)));
        Assert.Equal(before, Snapshot(extract.Directory));

        // The warmed pipeline runs a real order, and that one is recorded.
        using var response = await client.PostAsync("/api/orders", new StringContent(DocumentedOrder.Body, Encoding.UTF8, "application/json"));
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        Assert.NotNull(await ledger.ReleaseOfAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task After_a_restart_the_warm_up_holds_the_ledgers_history_before_the_first_order()
    {
        using var data = new TemporaryDirectory();
        var scheduler = "test-" + Guid.NewGuid().ToString("N");
        await using (var first = new StatServiceApplication(data.Path, scheduler) { ExtractsDirectory = extract.Directory })
        {
            using var client = first.CreateClient("demo-company");
            await StatServiceApplication.DeliveredResultAsync(client, DocumentedOrder.Body);
        }

        await using var restarted = new StatServiceApplication(data.Path, scheduler)
        {
            ExtractsDirectory = extract.Directory,
            Settings = { ["Extracts:WarmOnStart"] = "true" },
        };
        using var restartedClient = restarted.CreateClient("demo-company");

        var warmup = await WarmedAsync(restartedClient);

        // Held before any order asked: counted before the ledger is read again, then against what the ledger holds.
        var held = restarted.Services.GetRequiredService<AdoReleaseLedger>().HeldReleases(extract.Version);
        Assert.Contains($"ledger releases held: 1 on {extract.Version}", warmup, StringComparison.Ordinal);
        var recorded = await restarted.Services.GetRequiredService<IReleaseLedger>().EarlierReleasesAsync(extract.Version, Guid.Empty, CancellationToken.None);
        Assert.Single(recorded);
        Assert.Equal(recorded.Count, held);
    }

    /// <summary>Polls /health until the warm-up check is Healthy; returns its description.</summary>
    private static async Task<string> WarmedAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + StatServiceApplication.Patience;
        while (true)
        {
            using var response = await client.GetAsync("/health");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var check = body.RootElement.GetProperty("checks").GetProperty("warm-up");
            if (check.GetProperty("status").GetString() == "Healthy")
            {
                return check.GetProperty("description").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Still warming: {check}");
            await Task.Delay(100);
        }
    }

    private static string Snapshot(string directory) => string.Join("\n", Directory
        .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));
}
