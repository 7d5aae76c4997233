using System.Globalization;
using System.Text;
using StatService.Core.Disclosure;

namespace StatService.Delivery;

/// <summary>
/// Writes the same cells as the JSON result as CSV: one row per cell and table, a code and a label
/// column per dimension (blank where a table lacks the dimension), the value (blank when suppressed)
/// and the status. Comma-separated, RFC 4180 quoting, UTF-8 with BOM so spreadsheet programs read æøå.
/// </summary>
public static class ResultCsvWriter
{
    public static string Write(ProtectedRelease release)
    {
        var dimensionNames = release.Tables.SelectMany(t => t.Table.Dimensions.Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToArray();
        var text = new StringBuilder("\uFEFF");
        text.AppendJoin(',', new[] { "table" }.Concat(dimensionNames.SelectMany(d => new[] { d, $"{d}_label" })).Concat(["value", "status"]));
        text.Append("\r\n");
        foreach (var table in release.Tables)
        {
            var dimensions = table.Table.Dimensions;
            var position = dimensionNames.Select(n => dimensions.Select(d => d.Name).ToList().IndexOf(n)).ToArray();
            for (var cell = 0; cell < table.Table.CellCount; cell++)
            {
                text.Append(Quote(table.Table.Name));
                foreach (var d in position)
                {
                    var code = d < 0 ? null : dimensions[d].Codes[table.Table.CodeIndex(cell, d)];
                    text.Append(',').Append(Quote(code?.Code ?? string.Empty));
                    text.Append(',').Append(Quote(code?.Label ?? string.Empty));
                }

                text.Append(',').Append(table.PublishedValue(cell)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                text.Append(',').Append(CellStatusText.Of(table.Status[cell]));
                text.Append("\r\n");
            }
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
