using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The attacker's view of a pattern. Published cells are known, suppressed cells are at least 1
/// (0 when zeros are sensitive), every relation holds. A suppressed cell is protected when the
/// attacker can neither pin it to one whole count nor prove it below the threshold. Counts are whole
/// numbers, so bounds are rounded inwards: an interval holding a single integer pins the cell.
/// Singletons are also checked by rule: their holders know them, which no outside view shows.
/// </summary>
public static class SuppressionAudit
{
    private const double Tolerance = 1e-6;
    private const int CutScale = 1000;

    public static AuditResult Run(
        ProtectionProblem problem,
        ReadOnlySpan<bool> suppressed,
        DisclosurePolicy policy,
        AuditDepth depth = AuditDepth.Verify,
        CancellationToken cancellationToken = default)
    {
        var failures = new List<AuditFailure>();
        CheckRelationsByRule(problem, suppressed, policy, failures);
        var reported = new HashSet<int>(failures.Select(f => f.Cell));

        using var lp = new AttackerLp(problem, suppressed, policy);
        var exact = depth == AuditDepth.ExactBounds;
        var bounds = exact ? new List<CellBounds>(lp.VariableCount) : null;
        var witnesses = exact ? null : new Witnesses(problem, lp, policy.Threshold);
        var gains = new SortedDictionary<int, double>();
        for (var v = 0; v < lp.VariableCount; v++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (witnesses?.IsSettled(v) == true)
            {
                continue;
            }

            var cell = lp.CellOf(v);
            var value = problem.Values[cell];
            var upper = lp.Optimise(v, maximise: true);
            witnesses?.Learn();
            var lower = (double)RelationRules.AttackerLowerBound(policy);
            var kind = (AuditFailureKind?)null;
            gains.Clear();
            if (Floor(upper) < policy.Threshold)
            {
                kind = AuditFailureKind.BelowThreshold;
                lp.AddUnfixingGains(suppressed, policy, maximise: true, policy.Threshold - upper, gains);
                lower = exact ? lp.Optimise(v, maximise: false) : lower;
            }
            else if (Floor(upper) > Ceiling(witnesses?.Low(v) ?? value))
            {
                // Protected: the ceiling reaches the threshold and leaves a second whole count below it.
                lower = exact ? lp.Optimise(v, maximise: false) : lower;
            }
            else
            {
                // Pinned unless the floor can drop: a repair must lift the ceiling to value + 1 or drop the floor to value - 1.
                lp.AddUnfixingGains(suppressed, policy, maximise: true, value + 1 - upper, gains);
                lower = lp.Optimise(v, maximise: false);
                witnesses?.Learn();
                if (Floor(upper) <= Ceiling(lower))
                {
                    kind = AuditFailureKind.Pinned;
                    lp.AddUnfixingGains(suppressed, policy, maximise: false, lower - (value - 1), gains);
                }
            }

            bounds?.Add(ToBounds(cell, lower, upper, lp.Cap));
            witnesses?.Settle(v);
            if (kind is { } failure && reported.Add(cell))
            {
                failures.Add(new AuditFailure(cell, failure, lower, upper, WeightedCut(cell, gains)));
            }
        }

        return new AuditResult(failures, (IReadOnlyList<CellBounds>?)bounds ?? [], lp.VariableCount, lp.SolveCount);
    }

    /// <summary>Gains as integer weights out of <see cref="CutScale"/>, rounded up so the cut stays valid.</summary>
    private static SuppressionCut WeightedCut(int cell, SortedDictionary<int, double> gains) =>
        new(cell, gains.Keys.ToArray(), gains.Values.Select(g => (int)Math.Ceiling(g * CutScale - 1e-9)).ToArray(), CutScale);

    /// <summary>Whole counts at most <paramref name="x"/>, allowing for the solver's rounding.</summary>
    internal static long Floor(double x) => (long)Math.Floor(x + Tolerance * (1 + Math.Abs(x) * 1e-3));

    internal static long Ceiling(double x) => (long)Math.Ceiling(x - Tolerance * (1 + Math.Abs(x) * 1e-3));

    private static CellBounds ToBounds(int cell, double lower, double upper, double cap) =>
        new(cell, Ceiling(lower), upper >= cap * (1 - 1e-9) ? null : Floor(upper));

    /// <summary>
    /// What no linear program shows: a relation where a cell is the only suppressed one, and the singleton rule.
    /// </summary>
    private static void CheckRelationsByRule(ProtectionProblem problem, ReadOnlySpan<bool> suppressed, DisclosurePolicy policy, List<AuditFailure> failures)
    {
        var values = problem.Values;
        for (var r = 0; r < problem.RelationCount; r++)
        {
            var cells = problem.RelationCells(r);
            int count = 0, only = -1, singleton = -1;
            foreach (var c in cells)
            {
                if (suppressed[c])
                {
                    count++;
                    only = c;
                    singleton = PrimarySuppression.IsSingleton(values[c]) ? c : singleton;
                }
            }

            if (count == 1)
            {
                failures.Add(new AuditFailure(only, AuditFailureKind.Pinned, values[only], values[only], SuppressionCut.AtLeast(only, PublishedSuppressible(cells, suppressed, values, policy), 1)));
            }
            else if (singleton >= 0 && !RelationRules.SingletonRuleHolds(problem, suppressed, policy, r, out var deficit))
            {
                failures.Add(new AuditFailure(singleton, AuditFailureKind.SingletonExposed, values[singleton], values[singleton], SuppressionCut.AtLeast(singleton, PublishedSuppressible(cells, suppressed, values, policy), deficit)));
            }
        }
    }

    private static int[] PublishedSuppressible(ReadOnlySpan<int> cells, ReadOnlySpan<bool> suppressed, ReadOnlySpan<long> values, DisclosurePolicy policy)
    {
        var result = new List<int>(cells.Length);
        foreach (var c in cells)
        {
            if (!suppressed[c] && PrimarySuppression.CanBeSuppressed(values[c], policy))
            {
                result.Add(c);
            }
        }

        result.Sort();
        return result.ToArray();
    }
}
