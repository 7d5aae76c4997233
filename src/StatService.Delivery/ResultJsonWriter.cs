using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.Tables;
using StatService.Delivery.Release.Records;

namespace StatService.Delivery;

/// <summary>
/// Writes the result document: metadata, the disclosure summary and every table with its dimensions and all cells (inner
/// and margins), and the information loss of the release and of each table. Hidden cells carry a null value.
/// </summary>
public static class ResultJsonWriter
{
    public static string Write(ReleaseMetadata metadata, ProtectedRelease release) => ReleaseJson.Write(Record(metadata, release));

    public static ReleaseRecord Record(ReleaseMetadata metadata, ProtectedRelease release)
    {
        using var parameters = JsonDocument.Parse(metadata.ParametersJson);
        return new ReleaseRecord(
            metadata.OrderId.ToString(),
            metadata.Product,
            parameters.RootElement.Clone(),
            metadata.ExtractVersion,
            metadata.Measure,
            metadata.CreatedAt,
            Disclosure(release.Summary),
            [.. release.Tables.Select((t, i) => Table(t, release.Summary.Method, LossOf(release, i)))]);
    }

    /// <summary>Tables derived after protection (rates from published counts) have no loss of their own.</summary>
    private static TableLoss? LossOf(ProtectedRelease release, int table) =>
        release.Summary.Loss is { } loss && table < loss.Tables.Count && loss.Tables[table].Table == release.Tables[table].Table.Name
            ? loss.Tables[table]
            : null;

    private static DisclosureRecord Disclosure(DisclosureSummary summary) =>
        new(summary.Rule, summary.Policy, summary.SuppressedCells, AuditPassed: true, summary.AuditedCells, DisclosureMethodText.Of(summary.Method), summary.Additive)
        {
            InformationLoss = summary.Loss is { } loss
                ? Loss(summary.Method, loss.Cells, loss.Suppressed, loss.Adjusted, loss.ShareOfTotalHidden)
                : null,
            Differencing = summary.EarlierReleasesCompared is { } compared ? new DifferencingRecord(compared) : null,
        };

    private static LossRecord Loss(DisclosureMethod method, int cells, int suppressed, int adjusted, double? shareOfTotalHidden) => new(
        cells,
        suppressed,
        Share(suppressed, cells),
        method == DisclosureMethod.Rounding ? adjusted : 0,
        method == DisclosureMethod.CellKey ? adjusted : 0,
        Share(adjusted, cells),
        shareOfTotalHidden is { } share ? Math.Round(share, 6) : null);

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 6);

    private static TableRecord Table(ProtectedTable table, DisclosureMethod method, TableLoss? loss)
    {
        var dimensions = table.Table.Dimensions;
        var cells = new CellRecord[table.Table.CellCount];
        for (var cell = 0; cell < cells.Length; cell++)
        {
            var coordinates = new Dictionary<string, string>(dimensions.Count, StringComparer.Ordinal);
            for (var d = 0; d < dimensions.Count; d++)
            {
                coordinates[dimensions[d].Name] = dimensions[d].Codes[table.Table.CodeIndex(cell, d)].Code;
            }

            cells[cell] = new CellRecord(coordinates, table.PublishedValue(cell), CellStatusText.Of(table.Status[cell]));
        }

        return new TableRecord(
            table.Table.Name,
            [.. dimensions.Select(d => new DimensionRecord(d.Name, [.. d.Codes.Select(c => new CodeRecord(c.Code, c.Label, c.Parent))]))],
            cells)
        {
            InformationLoss = loss is null ? null : Loss(method, loss.Cells, loss.Suppressed, loss.Adjusted, loss.ShareOfTotalHidden),
        };
    }
}
