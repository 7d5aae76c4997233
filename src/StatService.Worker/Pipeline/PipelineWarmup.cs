using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Data.Extracts;

namespace StatService.Worker.Pipeline;

/// <summary>
/// Readies the newest extract version at start instead of on the first order: opening it reads every byte of its
/// files (the checksums) and attaches its derived tables, and each product's documented example then runs once through
/// query and protection, loading the solver's native library and compiling the hot code. Nothing is stored or delivered.
/// <c>Extracts:WarmOnStart</c> turns it off.
/// </summary>
public sealed partial class PipelineWarmup(
    ExtractRegistry registry,
    ExtractDatabases databases,
    ExtractQueryRunner queries,
    ProductCatalogue catalogue,
    Breakdowns breakdowns,
    IOrderRequestValidator validator,
    IDisclosureControl disclosure,
    ExtractOptions options,
    ILogger<PipelineWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.WarmOnStart ? Task.Run(() => WarmAsync(stoppingToken), stoppingToken) : Task.CompletedTask;

    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        registry.Refresh();
        if (registry.Newest() is not { } extract || registry.WithdrawalOf(extract.Version) is not null)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            databases.Connect(extract.Version).Dispose();
            var opened = clock.Elapsed;
            foreach (var id in catalogue.Ids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var product = catalogue.Find(id)!;
                using var body = System.Text.Json.JsonDocument.Parse(product.Example.GetRawText());
                var validation = validator.Validate(body.RootElement);
                if (!validation.IsValid)
                {
                    // The example asks for a period this version does not cover: nothing to warm with.
                    continue;
                }

                var parameters = CohortParametersJson.Deserialize(validation.ParametersJson!);
                var tables = await OrderPipeline.QueryTablesAsync(product, parameters, breakdowns, queries, extract.Version, cancellationToken);
                disclosure.Protect(tables, product.PolicyFor(parameters), cancellationToken);
            }

            LogWarmed(extract.Version, (long)opened.TotalMilliseconds, (long)clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A warm-up failure is the first order's to report (with its own problem), never the host's.
            LogFailed(e, extract.Version);
        }
    }

    [LoggerMessage(LogLevel.Information, "Extract version {Version} ready: opened in {OpenMs} ms, every product warmed in {TotalMs} ms")]
    private partial void LogWarmed(string version, long openMs, long totalMs);

    [LoggerMessage(LogLevel.Warning, "Warming extract version {Version} failed; the first order opens it instead")]
    private partial void LogFailed(Exception exception, string version);
}
