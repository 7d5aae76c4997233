namespace StatService.Core.CodeLists;

/// <summary>One malformed line of a published code list file.</summary>
public sealed record CodeSourceProblem(int Line, string Problem)
{
    public override string ToString() => $"line {Line}: {Problem}";
}

/// <summary>A published code list file (SKS, WHO ATC, medicinpriser) has malformed lines; the message lists them by line number.</summary>
public sealed class CodeSourceFormatException(string fileName, IReadOnlyList<CodeSourceProblem> problems)
    : FormatException($"{fileName}: {problems.Count} malformed {(problems.Count == 1 ? "line" : "lines")}:{Environment.NewLine}" +
                      string.Join(Environment.NewLine, problems.Take(MaxListed).Select(p => $"{fileName} {p}")) +
                      (problems.Count > MaxListed ? $"{Environment.NewLine}... and {problems.Count - MaxListed} more" : string.Empty))
{
    private const int MaxListed = 50;

    public string FileName { get; } = fileName;

    public IReadOnlyList<CodeSourceProblem> Problems { get; } = problems;
}
