using System.Globalization;
using System.Text;
using StatService.Core.Disclosure;

namespace StatService.Delivery;

/// <summary>
/// Writes the same cells as the JSON result as CSV: one row per cell and table, a code and a label
/// column per dimension (blank where a table lacks the dimension), the value (blank when suppressed)
/// and the status. Comma-separated, RFC 4180 quoting, UTF-8 with BOM so spreadsheet programs read æøå.
/// Only published values are written: never contributions or cell keys.
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

    /// <summary>
    /// The information-loss report as CSV, one row per table and one for the release (<c>scope</c> = table | release),
    /// shares as fractions. A document of its own: the cell CSV keeps exactly one row per cell. Like the JSON, it does
    /// not split primary from secondary suppressions.
    /// </summary>
    public static string WriteInformationLoss(ProtectedRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var text = new StringBuilder("\uFEFF");
        text.Append("scope,table,method,cells,cells_suppressed,share_of_cells_suppressed,cells_rounded,cells_perturbed,share_of_total_hidden\r\n");
        if (release.Summary.Loss is not { } loss)
        {
            return text.ToString();
        }

        var method = release.Summary.Method;
        foreach (var table in loss.Tables)
        {
            Row(text, "table", table.Table, method, table.Cells, table.Suppressed, table.Adjusted, table.ShareOfTotalHidden);
        }

        Row(text, "release", string.Empty, method, loss.Cells, loss.Suppressed, loss.Adjusted, loss.ShareOfTotalHidden);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string scope, string table, DisclosureMethod method, int cells, int suppressed, int adjusted, double? hidden)
    {
        text.AppendJoin(',',
            scope,
            Quote(table),
            DisclosureMethodText.Of(method),
            cells.ToString(CultureInfo.InvariantCulture),
            suppressed.ToString(CultureInfo.InvariantCulture),
            (cells == 0 ? 0 : Math.Round((double)suppressed / cells, 6)).ToString(CultureInfo.InvariantCulture),
            (method == DisclosureMethod.Rounding ? adjusted : 0).ToString(CultureInfo.InvariantCulture),
            (method == DisclosureMethod.CellKey ? adjusted : 0).ToString(CultureInfo.InvariantCulture),
            hidden is { } share ? Math.Round(share, 6).ToString(CultureInfo.InvariantCulture) : string.Empty);
        text.Append("\r\n");
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
