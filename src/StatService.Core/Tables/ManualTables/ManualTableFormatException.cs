namespace StatService.Core.Tables.ManualTables;

/// <summary>
/// A hand-made table or hierarchy file is malformed. The message names the file, the line and,
/// where one is to blame, the column (1-based, with its header name), so a caseworker can fix it.
/// </summary>
public sealed class ManualTableFormatException(string fileName, int line, int? column, string? columnName, string problem)
    : FormatException(Describe(fileName, line, column, columnName, problem))
{
    public string FileName { get; } = fileName;

    public int Line { get; } = line;

    public int? Column { get; } = column;

    private static string Describe(string fileName, int line, int? column, string? columnName, string problem)
    {
        var where = column is null ? $"{fileName} line {line}" : $"{fileName} line {line}, column {column}";
        return columnName is null ? $"{where}: {problem}" : $"{where} ({columnName}): {problem}";
    }
}
