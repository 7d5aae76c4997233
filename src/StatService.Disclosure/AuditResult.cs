namespace StatService.Disclosure;

/// <summary>
/// The outcome of auditing one pattern of one problem. <see cref="Bounds"/> holds every suppressed cell's exact
/// interval when <see cref="BoundsComputed"/> (an <see cref="AuditDepth.ExactBounds"/> audit), and is empty otherwise.
/// </summary>
public sealed record AuditResult(
    IReadOnlyList<AuditFailure> Failures,
    IReadOnlyList<CellBounds> Bounds,
    int AuditedCells,
    int LinearProgramsSolved,
    bool BoundsComputed)
{
    public bool Passed => Failures.Count == 0;
}
