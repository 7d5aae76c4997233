namespace StatService.Disclosure;

/// <summary>The outcome of auditing one pattern of one problem.</summary>
public sealed record AuditResult(
    IReadOnlyList<AuditFailure> Failures,
    IReadOnlyList<CellBounds> Bounds,
    int AuditedCells,
    int LinearProgramsSolved)
{
    public bool Passed => Failures.Count == 0;
}
