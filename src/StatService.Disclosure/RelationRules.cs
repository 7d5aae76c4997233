using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// Necessary conditions on a single relation, checked without solving anything. The secondary
/// suppression model states the same rules as constraints and the greedy fallback checks them here;
/// they only save rounds, the audit alone decides.
/// <list type="bullet">
/// <item>A suppressed cell is never the only suppressed cell of a relation (it would be recomputed).</item>
/// <item>A suppressed singleton needs two other suppressed cells: its holder knows the singleton
/// and would recompute a lone partner, primary or not.</item>
/// <item>A primary part must be able to reach the threshold: the other suppressed cells of the relation
/// must absorb the difference, either through a suppressed total or by parts that can shrink that much
/// (down to the attacker's lower bound). Two small primaries cannot cover each other.</item>
/// </list>
/// </summary>
public static class RelationRules
{
    /// <summary>The smallest value an attacker assumes for a suppressed cell.</summary>
    public static long AttackerLowerBound(DisclosurePolicy policy) => policy.HiddenMayBeZero ? 0 : 1;

    /// <summary>
    /// Two, unless the relation has fewer other cells that could be hidden at all; then the other
    /// cells are the total and zeros, and the total is the singleton itself, so nobody else is exposed.
    /// </summary>
    public static int OthersNeededBesideSingleton(int suppressibleCells) => Math.Min(2, suppressibleCells - 1);

    /// <summary>
    /// How far the attacker must be able to raise a primary above its value: to the threshold and, with a
    /// protection level of p %, to p % above the value.
    /// </summary>
    public static long RaiseNeeded(long value, DisclosurePolicy policy)
    {
        var target = (long)policy.Threshold;
        if (policy.ProtectionLevelPercent > 0)
        {
            target = Math.Max(target, value + Math.Max(1, (long)Math.Ceiling(value * policy.ProtectionLevelPercent / 100 - 1e-9)));
        }

        return Math.Max(0, target - value);
    }

    /// <summary>How much a suppressed part may shrink in the attacker's eyes, counted up to <paramref name="need"/>.</summary>
    public static long ShrinkCapacity(long value, long need, DisclosurePolicy policy) =>
        Math.Clamp(value - AttackerLowerBound(policy), 0, need);

    /// <summary>True when the singleton rule holds for the relation.</summary>
    public static bool SingletonRuleHolds(ProtectionProblem problem, ReadOnlySpan<bool> suppressed, DisclosurePolicy policy, int relation, out int deficit)
    {
        var values = problem.Values;
        int suppressedCount = 0, suppressible = 0;
        var singleton = false;
        foreach (var cell in problem.RelationCells(relation))
        {
            if (PrimarySuppression.CanBeSuppressed(values[cell], policy))
            {
                suppressible++;
            }

            if (suppressed[cell])
            {
                suppressedCount++;
                singleton |= PrimarySuppression.IsSingleton(values[cell]);
            }
        }

        deficit = singleton ? Math.Max(0, OthersNeededBesideSingleton(suppressible) - (suppressedCount - 1)) : 0;
        return deficit == 0;
    }

    /// <summary>
    /// True when a rule fails for the relation; <paramref name="remedy"/> is then the published cell
    /// whose suppression helps most cheaply (-1 when no cell can help).
    /// </summary>
    public static bool IsViolated(ProtectionProblem problem, ReadOnlySpan<bool> suppressed, DisclosurePolicy policy, int relation, out int remedy)
    {
        remedy = -1;
        if (!problem.IsAdditive(relation))
        {
            return false; // the rules are about equations; the audit judges bounds
        }

        var cells = problem.RelationCells(relation);
        var suppressedCount = 0;
        foreach (var c in cells)
        {
            suppressedCount += suppressed[c] ? 1 : 0;
        }

        if (suppressedCount == 0)
        {
            return false;
        }

        if (suppressedCount == 1 || !SingletonRuleHolds(problem, suppressed, policy, relation, out _))
        {
            remedy = CheapestPublished(problem, suppressed, policy, relation, cells, 1);
            if (remedy < 0 && policy.HiddenMayBeZero)
            {
                // Only zeros are left to hide: where they may be hidden, a hidden zero is a partner the reader cannot tell apart.
                remedy = CheapestPublished(problem, suppressed, policy, relation, cells, 0);
            }

            return true;
        }

        var values = problem.Values;
        var total = cells[0];
        if (suppressed[total])
        {
            return false;
        }

        for (var i = 1; i < cells.Length; i++)
        {
            var part = cells[i];
            var need = suppressed[part] && PrimarySuppression.IsSensitive(values[part], policy) ? RaiseNeeded(values[part], policy) : 0;
            if (need <= 0)
            {
                continue;
            }

            var capacity = 0L;
            for (var j = 1; j < cells.Length && capacity < need; j++)
            {
                if (j != i && suppressed[cells[j]])
                {
                    capacity += ShrinkCapacity(values[cells[j]], need, policy);
                }
            }

            if (capacity < need)
            {
                // A part that can shrink by the rest is cheapest; otherwise the total, which absorbs anything.
                remedy = CheapestPublished(problem, suppressed, policy, relation, cells[1..], need - capacity + AttackerLowerBound(policy));
                if (remedy < 0 && PrimarySuppression.CanBeSuppressed(values[total], policy))
                {
                    remedy = total;
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The published cell of <paramref name="cells"/> (at least <paramref name="atLeast"/>) whose suppression costs least
    /// once its other relations are counted: hiding a cell in a relation that has no suppression yet leaves that
    /// relation with a lone one, which will need a partner of its own, while hiding it where a relation has a lone
    /// suppression answers that relation too. Cells that close open relations are preferred, so suppressions cluster
    /// instead of spreading a cascade of new partners through the table. Ties go to the smaller value.
    /// </summary>
    private static int CheapestPublished(
        ProtectionProblem problem, ReadOnlySpan<bool> suppressed, DisclosurePolicy policy, int relation, ReadOnlySpan<int> cells, long atLeast)
    {
        var values = problem.Values;
        var best = -1;
        var bestCost = double.PositiveInfinity;
        foreach (var c in cells)
        {
            if (suppressed[c] || values[c] < atLeast || !PrimarySuppression.CanBeSuppressed(values[c], policy))
            {
                continue;
            }

            int opened = 0, answered = 0;
            foreach (var other in problem.RelationsOf(c))
            {
                if (other == relation || !problem.IsAdditive(other))
                {
                    continue;
                }

                var hidden = 0;
                foreach (var cell in problem.RelationCells(other))
                {
                    hidden += suppressed[cell] ? 1 : 0;
                    if (hidden > 1)
                    {
                        break;
                    }
                }

                opened += hidden == 0 ? 1 : 0;
                answered += hidden == 1 ? 1 : 0;
            }

            var weight = policy.Loss == InformationLoss.CellValue ? values[c] : 1.0;
            var cost = weight * (1 + opened) / (1 + answered);
            if (cost < bestCost || (cost == bestCost && values[c] < values[best]))
            {
                (best, bestCost) = (c, cost);
            }
        }

        return best;
    }
}
