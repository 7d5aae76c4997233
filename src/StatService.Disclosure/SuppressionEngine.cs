using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Cell suppression for frequency tables: the threshold rule marks primaries, an optimisation model
/// adds complementary suppressions, and a linear-programming audit (the attacker's view) decides
/// whether the pattern is safe, feeding cuts back until it is.
/// </summary>
public sealed class SuppressionEngine : IDisclosureControl
{
    /// <summary>
    /// The release reports every suppressed cell's exact bounds when each linked group suppresses at most this many
    /// cells (<see cref="int.MaxValue"/>: always). Bounds cost two programs per cell on top of the audit, which alone
    /// decides safety; without them <see cref="ProtectedRelease.Audit"/> is null: bounds were not computed.
    /// </summary>
    public int BoundsCellLimit { get; init; } = PatternSearch.DefaultBoundsCellLimit;

    public ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, CancellationToken cancellationToken = default) =>
        Protect(tables, policy, DifferencingPrimaries.None, cancellationToken);

    public ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, DifferencingPrimaries differencing, CancellationToken cancellationToken = default) =>
        Protect(tables, policy, new ReleaseSensitivity(null, differencing), cancellationToken);

    /// <param name="sensitivity">This release's cells that dominance or earlier releases make primary, beside the threshold rule.</param>
    public ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, ReleaseSensitivity sensitivity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(sensitivity);
        foreach (var table in tables)
        {
            EnsureProtectable(table);
        }

        return WallClockGuard.Run(WallClockGuard.For(policy.SolverTimeLimit), cancellationToken, token => Protect(tables, policy, sensitivity, groups: LinkedTables.Groups(tables), token));
    }

    private ProtectedRelease Protect(
        IReadOnlyList<CountTable> tables, DisclosurePolicy policy, ReleaseSensitivity sensitivity, IReadOnlyList<int[]> groups, CancellationToken cancellationToken)
    {
        var status = tables.Select(t => new CellStatus[t.CellCount]).ToArray();
        var bounds = new List<SuppressedCellBounds>();
        int primaries = 0, suppressedCells = 0;
        var boundsComputed = true;
        for (var g = 0; g < groups.Count; g++)
        {
            // Each problem gets an equal share of the model effort: counted, so it never depends on how long another took.
            var share = policy.SolverTimeLimit.TotalSeconds / groups.Count;
            var problem = ProtectionProblem.FromTables(groups[g].Select(t => tables[t]).ToArray(), groups[g], sensitivity);
            var pattern = PatternSearch.Search(problem, policy, share, BoundsCellLimit, cancellationToken);

            // Counted per table cell, as delivered: a cell that linked tables share counts in each of them.
            for (var k = 0; k < problem.TableIndices.Count; k++)
            {
                var table = problem.TableIndices[k];
                var cells = problem.TableCells(k);
                for (var c = 0; c < cells.Length; c++)
                {
                    var hidden = pattern.Suppressed[cells[c]];
                    status[table][c] = hidden ? CellStatus.Suppressed : CellStatus.Published;
                    suppressedCells += hidden ? 1 : 0;
                    primaries += pattern.Roles[cells[c]] == CellRole.Primary ? 1 : 0;
                }
            }

            boundsComputed &= pattern.Audit.BoundsComputed;
            bounds.AddRange(ToReleaseBounds(problem, pattern.Audit.Bounds));
        }

        var summary = new DisclosureSummary(
            policy.Describe(), policy.Name, primaries, suppressedCells - primaries, AuditedCells: suppressedCells);
        var protectedTables = tables.Select((t, i) => new ProtectedTable(t, status[i])).ToArray();
        return new ProtectedRelease(protectedTables, summary) { Audit = boundsComputed ? new AuditReport(bounds) : null };
    }

    private static void EnsureProtectable(CountTable table)
    {
        if (table.Values.Any(v => v < 0))
        {
            throw new DisclosureException($"Table '{table.Name}' has negative counts; it cannot be protected.");
        }

        if (table.Additive ? !table.IsAdditive() : !table.Relations().All(r => FitsBounds(table, r)))
        {
            // The audit reasons from the relations; a table that breaks them would be audited against the wrong ones.
            throw new DisclosureException(table.Additive
                ? $"Table '{table.Name}' is not additive; it cannot be protected."
                : $"Table '{table.Name}' has a margin below its largest part or above the sum of its parts; it cannot be protected.");
        }
    }

    /// <summary>In a non-additive table a margin lies between its largest part and the sum of its parts.</summary>
    private static bool FitsBounds(CountTable table, AdditivityRelation relation)
    {
        var total = table.Values[relation.Total];
        return relation.Parts.All(p => table.Values[p] <= total) && total <= relation.Parts.Sum(p => table.Values[p]);
    }

    private static List<SuppressedCellBounds> ToReleaseBounds(ProtectionProblem problem, IReadOnlyList<CellBounds> bounds)
    {
        var byCell = bounds.ToDictionary(b => b.Cell);
        var result = new List<SuppressedCellBounds>(bounds.Count);
        for (var k = 0; k < problem.TableIndices.Count; k++)
        {
            var cells = problem.TableCells(k);
            for (var c = 0; c < cells.Length; c++)
            {
                if (byCell.TryGetValue(cells[c], out var b))
                {
                    result.Add(new SuppressedCellBounds(problem.TableIndices[k], c, b.Lower, b.Upper));
                }
            }
        }

        return result;
    }
}
