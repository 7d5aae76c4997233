using StatService.Core.Csv;

namespace StatService.Core.Tables.ManualTables;

/// <summary>
/// Reads the hierarchy of one dimension from a CSV file with the header <c>code,parent</c> or
/// <c>code,parent,label</c>: every code names its parent, top-level codes have the parent
/// <c>total</c>. Rows may come in any order; the dimension lists each parent followed by its
/// children in file order. A missing or empty label is the code itself; the root is "I alt".
/// </summary>
public static class HierarchyReader
{
    public const string TotalLabel = "I alt";

    private static readonly string[] Header = ["code", "parent", "label"];

    public static TableDimension Read(string dimension, TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var records = ManualTableCsv.Read(reader, fileName).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new ManualTableFormatException(fileName, 1, 1, null, "the file is empty; expected the header code,parent or code,parent,label.");
        }

        var header = records.Current;
        var width = CheckHeader(header, fileName);
        var rows = new List<Row>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var row = ReadRow(records.Current, width, fileName);
            if (!lineOf.TryAdd(row.Code, row.Line))
            {
                throw new ManualTableFormatException(fileName, row.Line, 1, "code", $"'{row.Code}' is already listed on line {lineOf[row.Code]}.");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new ManualTableFormatException(fileName, header.Line, null, null, "no codes after the header.");
        }

        foreach (var row in rows.Where(r => r.Parent != TableDimension.TotalCode && !lineOf.ContainsKey(r.Parent)))
        {
            throw new ManualTableFormatException(fileName, row.Line, 2, "parent",
                $"unknown parent '{row.Parent}'; use a code listed in the file, or {TableDimension.TotalCode} for a top-level code.");
        }

        return new TableDimension(dimension, ParentsFirst(rows, fileName));
    }

    /// <summary>The number of columns: 2, or 3 with labels. Empty trailing header fields (spreadsheet export) are ignored.</summary>
    private static int CheckHeader(CsvRecord header, string fileName)
    {
        var width = header.Fields.Count;
        while (width > 0 && header.Fields[width - 1].Length == 0)
        {
            width--;
        }

        for (var c = 0; c < Math.Max(width, 2); c++)
        {
            if (c >= Header.Length || c >= width || !header.Fields[c].Equals(Header[c], StringComparison.OrdinalIgnoreCase))
            {
                throw new ManualTableFormatException(fileName, header.Line, c + 1, null,
                    $"the header is '{string.Join(',', header.Fields)}'; expected code,parent or code,parent,label.");
            }
        }

        return width;
    }

    private static Row ReadRow(CsvRecord record, int width, string fileName)
    {
        var fields = record.Fields;
        for (var c = width; c < fields.Count; c++)
        {
            if (fields[c].Length > 0)
            {
                throw new ManualTableFormatException(fileName, record.Line, c + 1, null, $"unexpected field '{fields[c]}'; the header has {width} columns.");
            }
        }

        for (var c = 0; c < 2; c++)
        {
            if (c >= fields.Count || fields[c].Length == 0)
            {
                throw new ManualTableFormatException(fileName, record.Line, c + 1, Header[c], c >= fields.Count ? "missing." : "empty.");
            }
        }

        var code = fields[0];
        if (code == TableDimension.TotalCode)
        {
            // The root is implied; listing it would make it a child of itself.
            throw new ManualTableFormatException(fileName, record.Line, 1, "code",
                $"'{TableDimension.TotalCode}' is the root and is not listed; give top-level codes the parent {TableDimension.TotalCode}.");
        }

        var label = width == 3 && fields.Count >= 3 && fields[2].Length > 0 ? fields[2] : code;
        return new Row(record.Line, code, fields[1], label);
    }

    /// <summary>Depth first from the root, so every parent precedes its children; codes never reached form a cycle.</summary>
    private static List<DimensionCode> ParentsFirst(List<Row> rows, string fileName)
    {
        var children = rows.ToLookup(r => r.Parent, StringComparer.Ordinal);
        var ordered = new List<DimensionCode>(rows.Count + 1) { new(TableDimension.TotalCode, TotalLabel, null) };
        var pending = new Stack<Row>(children[TableDimension.TotalCode].Reverse());
        while (pending.TryPop(out var row))
        {
            ordered.Add(new DimensionCode(row.Code, row.Label, row.Parent));
            foreach (var child in children[row.Code].Reverse())
            {
                pending.Push(child);
            }
        }

        if (ordered.Count <= rows.Count)
        {
            var reached = ordered.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            var stranded = rows.First(r => !reached.Contains(r.Code));
            throw new ManualTableFormatException(fileName, stranded.Line, 2, "parent",
                $"'{stranded.Code}' never leads up to {TableDimension.TotalCode}: its parents form a cycle.");
        }

        return ordered;
    }

    private sealed record Row(int Line, string Code, string Parent, string Label);
}
