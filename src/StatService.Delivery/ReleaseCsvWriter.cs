using System.Text;
using StatService.Core.Localization;
using StatService.Delivery.Release;

namespace StatService.Delivery;

/// <summary>
/// Writes a stored release as CSV for people opening it in a spreadsheet: one row per cell and table, a
/// code and a name column per dimension, the value (blank when hidden) and the status, with the header and
/// status words in the chosen language and the chosen separator (RFC 4180 quoting, UTF-8 with BOM).
/// Rendered from the JSON, so it holds exactly the JSON's numbers.
/// </summary>
public static class ReleaseCsvWriter
{
    public static string Write(string releaseJson, CsvOptions options) => Write(ReleaseDocument.Parse(releaseJson), options);

    public static string Write(ReleaseDocument release, CsvOptions options)
    {
        var language = options.Language;
        var dimensionNames = release.Tables.SelectMany(t => t.Dimensions.Select(d => d.Name)).Distinct(StringComparer.Ordinal).ToArray();
        var text = new StringBuilder("\uFEFF");
        var header = new List<string> { Texts.Get(language, "result.table") };
        foreach (var name in dimensionNames)
        {
            // English headers are the JSON's own names, as in the CSV stored with the result; Danish ones are words.
            var shown = language == Texts.English ? name : ReleaseWords.Dimension(language, name);
            header.Add(shown);
            header.Add($"{shown}_{Texts.Get(language, "result.labelSuffix")}");
        }

        header.Add(Texts.Get(language, "result.value"));
        header.Add(Texts.Get(language, "result.status"));
        Line(text, header, options.Separator);
        foreach (var table in release.Tables)
        {
            var position = dimensionNames.Select(n => table.Dimensions.Select(d => d.Name).ToList().IndexOf(n)).ToArray();
            foreach (var cell in table.Cells)
            {
                var fields = new List<string> { table.Name };
                foreach (var d in position)
                {
                    fields.Add(d < 0 ? string.Empty : cell.Codes[d]);
                    fields.Add(d < 0 ? string.Empty : table.LabelOf(d, cell.Codes[d]));
                }

                fields.Add(cell.IsSuppressed ? string.Empty : Number(cell.Value!.Value, options));
                fields.Add(Texts.Get(language, cell.IsSuppressed ? "result.suppressed" : "result.published"));
                Line(text, fields, options.Separator);
            }
        }

        return text.ToString();
    }

    /// <summary>A number as the options write it: no thousands separator, the decimal mark of the locale.</summary>
    public static string Number(double value, CsvOptions options) =>
        value.ToString("0.######", options.DecimalComma ? Texts.NumberFormat(Texts.Danish) : Texts.NumberFormat(Texts.English));

    private static void Line(StringBuilder text, IEnumerable<string> fields, char separator)
    {
        text.AppendJoin(separator, fields.Select(f => Quote(f, separator)));
        text.Append("\r\n");
    }

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
