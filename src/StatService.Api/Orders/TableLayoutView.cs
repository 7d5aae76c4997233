using StatService.Core.Catalogue;
using StatService.Core.Localization;
using StatService.Delivery.Release;

namespace StatService.Api.Orders;

/// <summary>
/// One table of an order as it will be delivered, before anything is counted: its title, the years of a yearly
/// table, its rows and columns (totals included, laid out as every deliverable lays it out) and its cells, in words.
/// </summary>
/// <param name="Table">The table's name in the product (a yearly table without its year).</param>
/// <param name="RowsBy">The dimensions down the rows, outer first; empty for a table of one row.</param>
/// <param name="ColumnsBy">The dimension across; null when the table has one column of numbers.</param>
/// <param name="Cells">Rows x columns x years.</param>
public sealed record TableLayoutView(
    string Table,
    string Title,
    IReadOnlyList<int> Years,
    long Rows,
    IReadOnlyList<string> RowsBy,
    long Columns,
    string? ColumnsBy,
    long Cells,
    string Text)
{
    public static TableLayoutView Of(TableLayout layout, string language)
    {
        string T(string key, params (string, object?)[] values) => Texts.Get(language, key, values);
        var title = ReleaseWords.Table(language, layout.Table);
        var rows = layout.RowDimensions.Count == 0
            ? T("layout.row")
            : T("layout.rows", ("n", layout.Rows), ("by", string.Join(", ", layout.RowDimensions.Select(d => ReleaseWords.Dimension(language, d)))));
        var columns = layout.ColumnDimension is { } across
            ? T("layout.columns", ("n", layout.Columns), ("by", ReleaseWords.Dimension(language, across)))
            : T("layout.column");
        var named = layout.Years.Count switch
        {
            0 => title,
            1 => T("table.withYear", ("table", title), ("year", layout.Years[0].ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => T("layout.perYear", ("table", title), ("from", layout.Years[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), ("to", layout.Years[^1].ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        return new TableLayoutView(
            layout.Table, title, layout.Years, layout.Rows, layout.RowDimensions, layout.Columns, layout.ColumnDimension, layout.Cells,
            T("layout.table", ("table", named), ("rows", rows), ("columns", columns)));
    }
}
