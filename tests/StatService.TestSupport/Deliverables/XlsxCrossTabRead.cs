namespace StatService.TestSupport.Deliverables;

/// <summary>
/// A table sheet read back as a crosstab: title, a header row, a row of column codes, then one row per row key
/// (a code and a name column per row dimension, then the values). Which dimension runs across is found from the
/// codes row, not taken from the writer.
/// </summary>
public sealed record XlsxCrossTabRead(IReadOnlyDictionary<string, (string Text, int Row, int Column)> Cells)
{
    public static XlsxCrossTabRead From(JsonReleaseTable table, List<string[]> rows)
    {
        const int firstDataRow = 3;
        var dimensions = table.Dimensions.Count;
        var rowDimensionCount = dimensions >= 2 ? dimensions - 1 : dimensions;
        var valueStart = 2 * rowDimensionCount;
        var columnCodes = rows[2].Skip(valueStart).ToArray();
        int? across = null;
        if (dimensions >= 2)
        {
            across = Enumerable.Range(0, dimensions).Single(d =>
                table.Cells.Select(c => c.Codes[d]).Distinct().Order(StringComparer.Ordinal).SequenceEqual(columnCodes.Order(StringComparer.Ordinal)));
        }

        var down = Enumerable.Range(0, dimensions).Where(d => d != across).ToArray();
        var cells = new Dictionary<string, (string, int, int)>(StringComparer.Ordinal);
        for (var r = firstDataRow; r < rows.Count; r++)
        {
            var row = rows[r];
            for (var c = valueStart; c < row.Length; c++)
            {
                var codes = new string[dimensions];
                for (var i = 0; i < down.Length; i++)
                {
                    codes[down[i]] = row[2 * i];
                }

                if (across is { } a)
                {
                    codes[a] = columnCodes[c - valueStart];
                }

                var key = string.Join(";", table.Dimensions.Select((d, i) => $"{d}={codes[i]}"));
                Assert.True(cells.TryAdd(key, (row[c], r, c)), $"{key} appears twice");
            }
        }

        return new XlsxCrossTabRead(cells);
    }
}
