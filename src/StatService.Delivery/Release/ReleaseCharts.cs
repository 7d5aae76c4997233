namespace StatService.Delivery.Release;

/// <summary>
/// The charts a table offers: for each dimension, its distribution with every other dimension at its
/// total. A dimension of periods (years, quarters, months) is drawn as a line, any other as bars.
/// </summary>
public static class ReleaseCharts
{
    private static readonly string[] SeriesNames = ["year", "quarter", "month", "week", "aar", "år"];

    public static IEnumerable<ReleaseChart> For(ReleaseTable table)
    {
        for (var d = 0; d < table.Dimensions.Count; d++)
        {
            var dimension = table.Dimensions[d];
            var leaves = dimension.Codes.Where(c => !c.IsTotal && c.Parent == dimension.Codes[0].Code).ToArray();
            if (leaves.Length < 2)
            {
                continue;
            }

            var points = leaves
                .Select(code =>
                {
                    var coordinates = table.Dimensions.Select((other, i) => i == d ? code.Code : other.Codes[0].Code).ToArray();
                    return new ChartPoint(code.Code, code.Label, table.Find(coordinates)?.Value);
                })
                .ToArray();
            yield return new ReleaseChart(dimension.Name, IsSeries(dimension) ? ChartKind.Line : ChartKind.Bar, points);
        }
    }

    /// <summary>
    /// Tables released one per year (named <c>name-YYYY</c>) form a series: their grand totals over the years,
    /// drawn as a line; the dimension is the table name.
    /// </summary>
    public static IEnumerable<ReleaseChart> YearSeries(IReadOnlyList<ReleaseTable> tables) =>
        tables
            .Select(table => (table, dash: table.Name.LastIndexOf('-')))
            .Where(t => t.dash > 0 && IsYear(t.table.Name[(t.dash + 1)..]))
            .GroupBy(t => t.table.Name[..t.dash], StringComparer.Ordinal)
            .Where(group => group.Count() >= 2)
            .Select(group => new ReleaseChart(
                group.Key,
                ChartKind.Line,
                group.OrderBy(t => t.table.Name, StringComparer.Ordinal).Select(t =>
                {
                    var year = t.table.Name[(t.dash + 1)..];
                    var total = t.table.Find(t.table.Dimensions.Select(d => d.Codes[0].Code).ToArray());
                    return new ChartPoint(year, year, total?.Value);
                }).ToArray()));

    public static bool IsSeries(ReleaseDimension dimension) =>
        SeriesNames.Contains(dimension.Name, StringComparer.OrdinalIgnoreCase) ||
        dimension.Codes.Where(c => !c.IsTotal).All(c => IsYear(c.Code));

    // Region codes (1081-1085) are four digits too, so only 19xx and 20xx count as years.
    private static bool IsYear(string code) =>
        code.Length == 4 && code.All(char.IsAsciiDigit) && (code.StartsWith("19", StringComparison.Ordinal) || code.StartsWith("20", StringComparison.Ordinal));
}

public enum ChartKind
{
    Bar,
    Line,
}

/// <summary>One point of a chart; <see cref="Value"/> is null where the cell is suppressed.</summary>
public sealed record ChartPoint(string Code, string Label, long? Value);

public sealed record ReleaseChart(string Dimension, ChartKind Kind, IReadOnlyList<ChartPoint> Points);
