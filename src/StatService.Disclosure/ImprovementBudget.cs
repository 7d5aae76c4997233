namespace StatService.Disclosure;

/// <summary>
/// What the improvement of a safe pattern may spend: the solver's deterministic time over all its neighbourhoods, the
/// work of the audits of its candidates (see <see cref="Work"/>) and the candidate cells of one neighbourhood. Effort is counted, not timed, so that the same
/// table always gets the same pattern.
/// </summary>
internal sealed record ImprovementBudget(double DeterministicTime, long AuditWork, int FreeCells)
{
    /// <summary>
    /// Audit work for one improvement: on a table of a few hundred cells about a second (a thin table's pattern settles
    /// within it, a typical one's well before), counted in <see cref="Work"/> units.
    /// </summary>
    public const long DefaultAuditWork = 1_000_000;

    /// <summary>Solver effort for one improvement; small neighbourhoods take a few hundredths each.</summary>
    public const double DefaultDeterministicTime = 0.5;

    /// <summary>Neighbourhoods start at this many candidate cells: large enough for a trade across a few relations, small enough to solve at once.</summary>
    public const int DefaultFreeCells = 150;

    /// <summary>
    /// An audit's work: its linear programs times the cells its pattern hides, for a program grows with the hidden cells
    /// it holds. It repeats exactly and tracks the audit's time well enough to budget by.
    /// </summary>
    public static long Work(AuditResult audit) => (long)audit.LinearProgramsSolved * Math.Max(1, audit.AuditedCells);

    /// <summary>
    /// The budget for a pattern whose full audit cost <paramref name="fullAuditWork"/>, or null when the
    /// improvement is not worth its cost. Every step it takes is audited over the components of hidden cells it touched,
    /// often most of the pattern: when a full audit costs more than a quarter of the budget, as on tables of many
    /// thousand cells, a few steps would double the run for a fraction of a percent of its cells.
    /// </summary>
    public static ImprovementBudget? For(long fullAuditWork) =>
        fullAuditWork > DefaultAuditWork / 4 ? null : new ImprovementBudget(DefaultDeterministicTime, DefaultAuditWork, DefaultFreeCells);
}
