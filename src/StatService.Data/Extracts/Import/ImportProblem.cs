using System.Globalization;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// One finding of the import validation: where (file or files, column), what, how many rows, and
/// the first few rows (as lines or rows of the delivered file). Values are quoted only for columns
/// that are not pseudonyms.
/// </summary>
public sealed record ImportProblem(ProblemSeverity Severity, string Where, string? Column, string Problem, long Count, IReadOnlyList<string> Examples)
{
    public override string ToString()
    {
        var where = Column is null ? Where : $"{Where}, column {Column}";
        var count = Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({Count:N0} {(Count == 1 ? "row" : "rows")}{(Examples.Count > 0 ? ", e.g. " + string.Join(", ", Examples) : string.Empty)})")
            : string.Empty;
        return $"{(Severity == ProblemSeverity.Error ? "error" : "warning")}: {where}: {Problem}{count}";
    }
}

/// <summary>A delivery that failed validation; nothing was written. <see cref="Problems"/> holds errors and warnings.</summary>
public sealed class ExtractImportException(IReadOnlyList<ImportProblem> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<ImportProblem> problems)
    {
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        return $"The delivery was refused: {errors.Count} {(errors.Count == 1 ? "error" : "errors")}." + Environment.NewLine +
               string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}
