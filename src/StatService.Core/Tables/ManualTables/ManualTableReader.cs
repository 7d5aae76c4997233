using System.Globalization;
using StatService.Core.Csv;

namespace StatService.Core.Tables.ManualTables;

/// <summary>
/// Reads a hand-made count table: a CSV file with one column per dimension and a <c>count</c>
/// column, one row per inner cell (leaf codes only; every margin is computed, never read).
/// A dimension with a hierarchy takes its codes from it; any other dimension is flat, with its
/// distinct codes in order of first appearance. Leaf combinations without a row are zeros.
/// </summary>
public static class ManualTableReader
{
    public const string CountColumn = "count";

    /// <summary>Cells with all margins; beyond this the table is not something to protect by hand.</summary>
    public const int MaxCells = 1_000_000;

    public static CountTable Read(string tableName, TextReader reader, string fileName, IReadOnlyList<TableDimension> hierarchies)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(hierarchies);
        using var records = ManualTableCsv.Read(reader, fileName).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new ManualTableFormatException(fileName, 1, 1, null, $"the file is empty; expected a header such as region,sex,{CountColumn}.");
        }

        var layout = TableLayout.FromHeader(records.Current, fileName, hierarchies);
        var rows = new List<Row>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        long total = 0;
        while (records.MoveNext())
        {
            var row = layout.ReadRow(records.Current, fileName);
            var key = string.Join('\u001F', row.Codes);
            if (!lineOf.TryAdd(key, row.Line))
            {
                var first = layout.DimensionColumns[0];
                var combination = string.Join(", ", layout.Names.Select((n, d) => $"{n}={row.Codes[d]}"));
                throw new ManualTableFormatException(fileName, row.Line, first + 1, layout.Names[0],
                    $"the combination {combination} is already given on line {lineOf[key]}.");
            }

            total = Sum(total, row.Count, fileName, row.Line, layout);
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw new ManualTableFormatException(fileName, layout.HeaderLine, null, null, "no rows after the header.");
        }

        var dimensions = layout.Dimensions(rows);
        var cells = dimensions.Aggregate(1L, (n, d) => n * d.Count);
        if (cells > MaxCells)
        {
            throw new ManualTableFormatException(fileName, layout.HeaderLine, null, null,
                $"with its margins the table has {cells:N0} cells; at most {MaxCells:N0} can be protected.");
        }

        var inner = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            inner[string.Join('\u001F', row.Codes)] = row.Count;
        }

        return CountTable.FromInnerCells(tableName, dimensions, coordinates =>
            inner.GetValueOrDefault(string.Join('\u001F', coordinates.Select((c, d) => dimensions[d].Codes[c].Code))));
    }

    private static long Sum(long total, long count, string fileName, int line, TableLayout layout)
    {
        try
        {
            return checked(total + count);
        }
        catch (OverflowException)
        {
            throw new ManualTableFormatException(fileName, line, layout.CountColumnIndex + 1, layout.CountName, "the counts add up to more than a table can hold.");
        }
    }

    private sealed record Row(int Line, string[] Codes, long Count);

    /// <summary>Which column holds what, from the header; checks each row against it.</summary>
    private sealed class TableLayout
    {
        private readonly IReadOnlyList<string> _header;
        private readonly TableDimension?[] _hierarchies;

        private TableLayout(int headerLine, IReadOnlyList<string> header, int countColumn, int[] dimensionColumns, TableDimension?[] hierarchies)
        {
            HeaderLine = headerLine;
            _header = header;
            CountColumnIndex = countColumn;
            DimensionColumns = dimensionColumns;
            Names = dimensionColumns.Select(c => header[c]).ToArray();
            _hierarchies = hierarchies;
        }

        public int HeaderLine { get; }

        public int CountColumnIndex { get; }

        public string CountName => _header[CountColumnIndex];

        /// <summary>0-based columns of the dimensions, in header order.</summary>
        public int[] DimensionColumns { get; }

        public string[] Names { get; }

        public static TableLayout FromHeader(CsvRecord record, string fileName, IReadOnlyList<TableDimension> hierarchies)
        {
            // Spreadsheets export empty trailing columns; they are not dimensions.
            var header = record.Fields.Reverse().SkipWhile(f => f.Length == 0).Reverse().ToArray();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < header.Length; c++)
            {
                if (header[c].Length == 0)
                {
                    throw new ManualTableFormatException(fileName, record.Line, c + 1, null, "the column has no name.");
                }

                if (!seen.Add(header[c]))
                {
                    throw new ManualTableFormatException(fileName, record.Line, c + 1, header[c], "the column name is repeated.");
                }
            }

            var count = Array.FindIndex(header, h => h.Equals(CountColumn, StringComparison.OrdinalIgnoreCase));
            if (count < 0)
            {
                var hint = header.Length == 1 && header[0].Contains(';', StringComparison.Ordinal) ? " The file looks semicolon-separated; save it comma-separated." : string.Empty;
                throw new ManualTableFormatException(fileName, record.Line, header.Length + 1, CountColumn,
                    $"missing; the header is '{string.Join(',', header)}' and needs a {CountColumn} column.{hint}");
            }

            var dimensionColumns = Enumerable.Range(0, header.Length).Where(c => c != count).ToArray();
            if (dimensionColumns.Length == 0)
            {
                throw new ManualTableFormatException(fileName, record.Line, count + 1, header[count], "the header has no dimension columns besides the count.");
            }

            foreach (var hierarchy in hierarchies)
            {
                if (!dimensionColumns.Any(c => header[c] == hierarchy.Name))
                {
                    throw new ManualTableFormatException(fileName, record.Line, null, null,
                        $"there is a hierarchy for '{hierarchy.Name}' but no such column; the columns are {string.Join(',', header)}.");
                }
            }

            var byName = hierarchies.ToDictionary(h => h.Name, StringComparer.Ordinal);
            return new TableLayout(record.Line, header, count, dimensionColumns,
                dimensionColumns.Select(c => byName.GetValueOrDefault(header[c])).ToArray());
        }

        public Row ReadRow(CsvRecord record, string fileName)
        {
            var fields = record.Fields;
            for (var c = _header.Count; c < fields.Count; c++)
            {
                if (fields[c].Length > 0)
                {
                    throw new ManualTableFormatException(fileName, record.Line, c + 1, null,
                        $"unexpected field '{fields[c]}'; the header has {_header.Count} columns.");
                }
            }

            if (fields.Count < _header.Count)
            {
                throw new ManualTableFormatException(fileName, record.Line, fields.Count + 1, _header[fields.Count],
                    $"missing; the row has {fields.Count} fields, the header {_header.Count}.");
            }

            var codes = new string[DimensionColumns.Length];
            for (var d = 0; d < codes.Length; d++)
            {
                codes[d] = ReadCode(record, DimensionColumns[d], _hierarchies[d], fileName);
            }

            return new Row(record.Line, codes, ReadCount(record, fileName));
        }

        private string ReadCode(CsvRecord record, int column, TableDimension? hierarchy, string fileName)
        {
            var code = record.Fields[column];
            string? problem = null;
            if (code.Length == 0)
            {
                problem = "the code is empty.";
            }
            else if (code == TableDimension.TotalCode)
            {
                problem = $"'{TableDimension.TotalCode}' is the margin; give inner cells only (margins are computed).";
            }
            else if (hierarchy is not null)
            {
                var index = hierarchy.IndexOf(code);
                if (index < 0)
                {
                    problem = $"unknown code '{code}'; it is not in the hierarchy for {hierarchy.Name}.";
                }
                else if (!hierarchy.IsLeaf(index))
                {
                    problem = $"'{code}' is not a leaf of the hierarchy for {hierarchy.Name}; give inner cells only (margins are computed).";
                }
            }

            return problem is null ? code : throw new ManualTableFormatException(fileName, record.Line, column + 1, _header[column], problem);
        }

        private long ReadCount(CsvRecord record, string fileName)
        {
            var text = record.Fields[CountColumnIndex];
            string problem;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
            {
                if (count >= 0)
                {
                    return count;
                }

                problem = $"the count {text} is negative.";
            }
            else
            {
                problem = text.Length == 0 ? "the count is empty." : $"'{text}' is not a whole number.";
            }

            throw new ManualTableFormatException(fileName, record.Line, CountColumnIndex + 1, CountName, problem);
        }

        /// <summary>Hierarchies as given; flat dimensions from the codes of the rows, in order of first appearance.</summary>
        public TableDimension[] Dimensions(IReadOnlyList<Row> rows) =>
            Names.Select((name, d) => _hierarchies[d] ?? TableDimension.Flat(name, HierarchyReader.TotalLabel,
                rows.Select(r => r.Codes[d]).Distinct(StringComparer.Ordinal).Select(code => (code, code)))).ToArray();
    }
}
