using System.Globalization;

namespace StatService.Core.CodeLists;

/// <summary>
/// Writes code list files in the shipped format: <c>#</c> comment lines with source and date, the
/// header, then one comma-separated row per entry, quoted where a field holds a comma, quote or line break.
/// </summary>
public static class CodeListFile
{
    public static readonly IReadOnlyList<string> HierarchyHeader = ["code", "parent", "level", "label_da", "label_en"];

    public static void WriteHierarchy(TextWriter writer, IEnumerable<string> comments, IEnumerable<CodeEntry> entries) =>
        Write(writer, comments, HierarchyHeader, entries.Select(e => new[] { e.Code, e.Parent ?? string.Empty, e.Level, e.LabelDa, e.LabelEn }));

    private static void Write(TextWriter writer, IEnumerable<string> comments, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var comment in comments)
        {
            writer.Write("# ");
            writer.Write(comment.ReplaceLineEndings(" "));
            writer.Write('\n');
        }

        writer.Write(string.Join(',', header));
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row.Select(Quote)));
            writer.Write('\n');
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    /// <summary>The source comment for an imported file.</summary>
    public static string SourceComment(string publication, string fileName, DateOnly validOn, DateTimeOffset importedAt) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Source: {publication}, file {fileName}; entries valid on {validOn:yyyy-MM-dd}; imported {importedAt:yyyy-MM-dd} by statservice codes import");
}
