using StatService.Core.OrderSpec;
using StatService.Core.Tables;

namespace StatService.Core.Catalogue;

/// <summary>
/// One table of an order's release as it will be laid out (<see cref="CrossTabRule"/>), known before the query runs:
/// its rows (the row dimensions' codes multiplied, totals included), its columns and how many such tables there are
/// (one per year for a yearly table). A preview and a caseworker show it before anything is counted.
/// </summary>
/// <param name="Table">The table's name in the product (without a year).</param>
/// <param name="Years">The years of a table released once per year; empty for a single table.</param>
public sealed record TableLayout(string Table, IReadOnlyList<int> Years, IReadOnlyList<string> RowDimensions, string? ColumnDimension, long Rows, long Columns)
{
    public long Cells => Rows * Columns * Math.Max(1, Years.Count);

    /// <summary>The order's tables, counted ones then rate tables, as they will be delivered.</summary>
    public static IReadOnlyList<TableLayout> Of(ProductDefinition product, CohortParameters parameters, Breakdowns breakdowns)
    {
        var counted = product.Tables.Select(table => For(table.Name, table, parameters, breakdowns));
        var rates = product.Rates
            .Select(rate => product.Tables.FirstOrDefault(t => t.Name == rate.Numerator) is { } numerator ? For(rate.Name, numerator, parameters, breakdowns) : null)
            .OfType<TableLayout>();
        return [.. counted, .. rates];
    }

    private static TableLayout For(string name, TableSpec table, CohortParameters parameters, Breakdowns breakdowns)
    {
        var dimensions = table.DimensionsFor(parameters);
        var counts = dimensions.Select(d => breakdowns.CodeCount(d, parameters)).ToArray();
        var column = CrossTabRule.Column(counts);
        var rows = Enumerable.Range(0, dimensions.Count).Where(d => d != column).ToArray();
        return new TableLayout(
            name,
            table.PerYear ? ProductYears.Of(parameters.Period) : [],
            rows.Select(d => dimensions[d]).ToArray(),
            column is { } c ? dimensions[c] : null,
            rows.Aggregate(1L, (n, d) => n * counts[d]),
            column is { } across ? counts[across] : 1);
    }
}
