namespace StatService.Delivery.Release;

/// <summary>
/// How a table is laid out for reading (<see cref="Core.Tables.CrossTabRule"/>): the dimension with the fewest codes
/// across, every other dimension down (in the table's order, outer first). A one-dimensional table is a single column.
/// </summary>
public sealed record ReleaseCrossTab(int? ColumnDimension, IReadOnlyList<int> RowDimensions, IReadOnlyList<IReadOnlyList<string>> RowKeys)
{
    public static ReleaseCrossTab For(ReleaseTable table)
    {
        var count = table.Dimensions.Count;
        var column = Core.Tables.CrossTabRule.Column(table.Dimensions.Select(d => d.Codes.Count).ToArray());
        var rows = Enumerable.Range(0, count).Where(d => d != column).ToArray();
        IEnumerable<IReadOnlyList<string>> keys = [[]];
        foreach (var d in rows)
        {
            var codes = table.Dimensions[d].Codes;
            keys = keys.SelectMany(prefix => codes.Select(c => (IReadOnlyList<string>)[.. prefix, c.Code])).ToArray();
        }

        return new ReleaseCrossTab(column, rows, keys.ToArray());
    }

    /// <summary>The full coordinates (table order) of a row key and, when there is one, a column code.</summary>
    public string[] Coordinates(int dimensions, IReadOnlyList<string> rowKey, string? columnCode)
    {
        var codes = new string[dimensions];
        for (var i = 0; i < RowDimensions.Count; i++)
        {
            codes[RowDimensions[i]] = rowKey[i];
        }

        if (ColumnDimension is { } c)
        {
            codes[c] = columnCode!;
        }

        return codes;
    }
}
