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
            var leaves = Leaves(dimension);
            if (leaves.Count < 2)
            {
                continue;
            }

            var points = leaves.Select(code => new ChartPoint(code.Code, code.Label, AtTotals(table, d, code.Code))).ToArray();
            yield return new ReleaseChart(dimension.Name, IsSeries(dimension) ? ChartKind.Line : ChartKind.Bar, points);
        }
    }

    /// <summary>
    /// Whether a chart shows anything the table does not: a chart whose every value is hidden or zero would be an
    /// empty axis (the table says it better), so none is drawn.
    /// </summary>
    public static bool IsDrawable(IEnumerable<ChartPoint> points) => points.Any(p => p.Value > 0);

    /// <summary>
    /// Tables released one per year (named <c>name-YYYY</c>) form a series when there are two years or more; the
    /// series keep the order of their first table, the years are in order.
    /// </summary>
    public static IReadOnlyList<ReleaseSeries> Series(IReadOnlyList<ReleaseTable> tables) =>
        tables
            .Select(table => (table, dash: table.Name.LastIndexOf('-')))
            .Where(t => t.dash > 0 && IsYear(t.table.Name[(t.dash + 1)..]))
            .GroupBy(t => t.table.Name[..t.dash], StringComparer.Ordinal)
            .Where(group => group.Count() >= 2)
            .Select(group => new ReleaseSeries(
                group.Key,
                group.OrderBy(t => t.table.Name, StringComparer.Ordinal).Select(t => new SeriesYear(t.table.Name[(t.dash + 1)..], t.table)).ToArray()))
            .ToArray();

    /// <summary>A series' grand totals over the years, drawn as a line; the dimension is the series' name.</summary>
    public static ReleaseChart Totals(ReleaseSeries series) =>
        new(series.Name, ChartKind.Line, series.Years.Select(y =>
        {
            var table = y.Table;
            return new ChartPoint(y.Year, y.Year, table.Find(table.Dimensions.Select(d => d.Codes[0].Code).ToArray()) is { IsSuppressed: false } total ? total.Value : null);
        }).ToArray());

    public static IEnumerable<ReleaseChart> YearSeries(IReadOnlyList<ReleaseTable> tables) => Series(tables).Select(Totals);

    /// <summary>
    /// Small multiples of a series: per dimension of its tables, one panel per category, each the category's value
    /// over the years (every other dimension at its total), so the years of all the tables read as one overview.
    /// </summary>
    public static IEnumerable<(string Dimension, IReadOnlyList<SmallMultiple> Panels)> Panels(ReleaseSeries series)
    {
        var first = series.Years[0].Table;
        for (var d = 0; d < first.Dimensions.Count; d++)
        {
            var leaves = Leaves(first.Dimensions[d]);
            if (leaves.Count < 2)
            {
                continue;
            }

            yield return (first.Dimensions[d].Name, leaves
                .Select(code => new SmallMultiple(code.Label, series.Years.Select(y => new ChartPoint(y.Year, y.Year, AtTotals(y.Table, d, code.Code))).ToArray()))
                .ToArray());
        }
    }

    public static bool IsSeries(ReleaseDimension dimension) =>
        SeriesNames.Contains(dimension.Name, StringComparer.OrdinalIgnoreCase) ||
        dimension.Codes.Where(c => !c.IsTotal).All(c => IsYear(c.Code));

    private static List<ReleaseCode> Leaves(ReleaseDimension dimension) =>
        [.. dimension.Codes.Where(c => !c.IsTotal && c.Parent == dimension.Codes[0].Code)];

    /// <summary>The published value of one code of dimension <paramref name="d"/> with every other dimension at its total; null when hidden.</summary>
    private static long? AtTotals(ReleaseTable table, int d, string code)
    {
        var coordinates = table.Dimensions.Select((other, i) => i == d ? code : other.Codes[0].Code).ToArray();
        return table.Find(coordinates) is { IsSuppressed: false } cell ? cell.Value : null;
    }

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

/// <summary>Tables of one name released per year: <c>new-cases-2019</c>, <c>new-cases-2020</c>, ...</summary>
public sealed record ReleaseSeries(string Name, IReadOnlyList<SeriesYear> Years)
{
    public bool Contains(ReleaseTable table) => Years.Any(y => ReferenceEquals(y.Table, table));
}

public sealed record SeriesYear(string Year, ReleaseTable Table);

/// <summary>One panel of a small-multiples chart: a category's values over the years.</summary>
public sealed record SmallMultiple(string Label, IReadOnlyList<ChartPoint> Points);
