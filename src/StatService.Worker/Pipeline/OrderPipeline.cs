using System.Diagnostics;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.Orders;
using StatService.Core.Telemetry;
using StatService.Data.Extracts;
using StatService.Delivery;

namespace StatService.Worker.Pipeline;

/// <summary>
/// compile -> query -> protect -> render, for one order. The raw table exists only inside this
/// method; what leaves is the protected release in its delivery formats.
/// </summary>
public sealed class OrderPipeline(
    ProductCatalogue catalogue,
    Breakdowns breakdowns,
    ExtractRegistry extracts,
    ExtractQueryRunner queries,
    IDisclosureControl disclosure,
    TimeProvider time) : IOrderPipeline
{
    public async Task<OrderDelivery> RunAsync(Order order, CancellationToken cancellationToken)
    {
        var product = catalogue.Find(order.Product)
            ?? throw new OrderRejectedException($"The product '{order.Product}' is no longer offered.");
        var extract = (order.ExtractVersion is { } named ? extracts.Find(named) : extracts.Newest())
            ?? throw new OrderRejectedException("The register extract for this order is not available.");
        var parameters = CohortParametersJson.Deserialize(order.ParametersJson);

        // 1. compile and 2. query: values bound as parameters, the SQL text is the product's own.
        var rows = await queries.RunAsync(extract.Version, product.QueryFile, product.Sql, CohortQueryParameters.For(parameters), cancellationToken);
        var table = BuildTable(product, parameters, breakdowns, rows);

        // 3. protect: nothing is delivered unless the audit passed.
        var release = Protect(table, product.Disclosure, cancellationToken);

        // 4. render.
        var metadata = new ReleaseMetadata(order.Id, product.Id, order.ParametersJson, extract.Version, product.Measure, time.GetUtcNow());
        return new OrderDelivery(extract.Version, ResultJsonWriter.Write(metadata, release), ResultCsvWriter.Write(release));
    }

    private ProtectedRelease Protect(Core.Tables.CountTable table, DisclosurePolicy policy, CancellationToken cancellationToken)
    {
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("disclosure.protect");
        activity?.SetTag("statservice.cells", table.CellCount);
        var started = Stopwatch.GetTimestamp();
        var release = disclosure.Protect([table], policy, cancellationToken);
        StatServiceTelemetry.ProtectDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        activity?.SetTag("statservice.suppressed", release.Summary.SuppressedCells);
        return release.Summary.AuditPassed
            ? release
            : throw new DisclosureException("The disclosure audit did not pass; nothing was released.");
    }

    /// <summary>The raw query rows as the product's table, every margin verified (see <see cref="CohortTableBuilder"/>).</summary>
    public static Core.Tables.CountTable BuildTable(ProductDefinition product, CohortParameters parameters, Breakdowns breakdowns, QueryRows rows)
    {
        var dimensions = parameters.Breakdown.Select(breakdowns.Dimension).ToArray();
        var codeColumns = parameters.Breakdown.Select(rows.Ordinal).ToArray();
        var countColumn = rows.Ordinal(product.Measure);
        var cells = rows.Rows
            .Select(row => (codeColumns.Select(c => (string?)row[c]).ToArray(), Convert.ToInt64(row[countColumn], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return CohortTableBuilder.Build(product.Id, dimensions, cells);
    }
}
