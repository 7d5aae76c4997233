using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;
using StatService.Data.Extracts;
using StatService.Worker.Orders;

namespace StatService.Worker.Pipeline;

/// <summary>
/// Readies the newest extract version at start instead of on the first order: opening it reads every byte of its
/// files (the checksums) and attaches its derived tables; the release ledger's history of each version orders run on is
/// read and indexed (<see cref="LedgerWarmup"/>); each product's documented example then runs once through the order
/// pipeline (query with the record keys, protection, rendering), loading the solver's native library and compiling the
/// hot code; then one empty job goes through Quartz (<see cref="SchedulerWarmup"/>). The examples' pipeline has no
/// ledger, so nothing is checked against or recorded in it; no order is stored and the delivery is dropped.
/// <see cref="WarmupProgress"/> tells readiness which step it is at.
/// Off with <c>Extracts:WarmOnStart</c>, and in processes that run no orders.
/// </summary>
public sealed partial class PipelineWarmup(
    ExtractRegistry registry,
    ExtractDatabases databases,
    ExtractQueryRunner queries,
    ProductCatalogue catalogue,
    Breakdowns breakdowns,
    IOrderRequestValidator validator,
    IDisclosureControl disclosure,
    RecordKeySecret recordKeys,
    TimeProvider time,
    SchedulerWarmup scheduler,
    LedgerWarmup ledger,
    WarmupProgress progress,
    ExtractOptions options,
    IOptions<WorkerOptions> worker,
    ILogger<PipelineWarmup> logger) : BackgroundService
{
    /// <summary>The requester of the warm-up's orders, which are never stored.</summary>
    public const string RequesterId = "warm-up";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.WarmOnStart || !worker.Value.RunJobs)
        {
            progress.Finished(options.WarmOnStart ? "This process runs no orders: nothing to warm." : "Warm-up is off (Extracts:WarmOnStart).");
            return Task.CompletedTask;
        }

        return Task.Run(() => WarmAsync(stoppingToken), stoppingToken);
    }

    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        registry.Refresh();
        if (registry.Newest() is not { } extract || registry.WithdrawalOf(extract.Version) is not null)
        {
            progress.Finished("No usable extract version to warm.");
            return;
        }

        progress.Step($"opening extract version {extract.Version}");
        var pipeline = new OrderPipeline(catalogue, breakdowns, registry, queries, disclosure, time, ledger: null, recordKeys: recordKeys);
        var clock = Stopwatch.StartNew();
        try
        {
            databases.Connect(extract.Version).Dispose();
            var opened = clock.Elapsed;
            var held = await ledger.LoadAsync(
                new Progress<string>(version => progress.Step($"reading the release ledger of extract version {version}")), cancellationToken);
            var read = clock.Elapsed - opened;
            progress.Step($"running each product's example once on extract version {extract.Version}");
            foreach (var id in catalogue.Ids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var body = System.Text.Json.JsonDocument.Parse(catalogue.Find(id)!.Example.GetRawText());
                var validation = validator.Validate(body.RootElement);
                if (!validation.IsValid)
                {
                    // The example asks for a period this version does not cover: nothing to warm with.
                    continue;
                }

                await pipeline.RunAsync(WarmupOrder(id, validation.ParametersJson!, extract.Version), cancellationToken);
            }

            await scheduler.FireOnceAsync(cancellationToken);

            var releases = string.Join(", ", held.Select(h => $"{h.Releases} on {h.Version}"));
            LogWarmed(extract.Version, (long)opened.TotalMilliseconds, releases, (long)read.TotalMilliseconds, (long)clock.Elapsed.TotalMilliseconds);
            progress.Finished($"Extract version {extract.Version} warmed in {(long)clock.Elapsed.TotalMilliseconds} ms; ledger releases held: {(releases.Length > 0 ? releases : "none")}.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A warm-up failure is the first order's to report (with its own problem), never the host's.
            LogFailed(e, extract.Version);
            progress.Finished($"Warming extract version {extract.Version} failed (see the log); the first order opens it instead.");
        }
    }

    private Order WarmupOrder(string product, string parametersJson, string version) => new()
    {
        Id = Guid.NewGuid(),
        Product = product,
        ParametersJson = parametersJson,
        RequesterId = RequesterId,
        SubmittedAt = time.GetUtcNow(),
        ExtractVersion = version,
    };

    [LoggerMessage(LogLevel.Information, "Extract version {Version} ready: opened in {OpenMs} ms, ledger releases ({Releases}) read in {LedgerMs} ms, every product warmed in {TotalMs} ms")]
    private partial void LogWarmed(string version, long openMs, string releases, long ledgerMs, long totalMs);

    [LoggerMessage(LogLevel.Warning, "Warming extract version {Version} failed; the first order opens it instead")]
    private partial void LogFailed(Exception exception, string version);
}
