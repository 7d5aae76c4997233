namespace StatService.Core.CodeLists;

/// <summary>A code list file is malformed; the message names the file and the line.</summary>
public sealed class CodeListFormatException(string fileName, int line, string problem)
    : FormatException($"{fileName} line {line}: {problem}")
{
    public string FileName { get; } = fileName;

    public int Line { get; } = line;
}
