using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Dominance rules for magnitude tables (sums such as defined daily doses): a cell is sensitive when one or a few
/// persons make up so much of it that publishing the sum tells too much about them.
/// </summary>
public static class DominanceSensitivity
{
    /// <summary>
    /// Sensitive when it has contributors but fewer than the rules need (at least 2: a single contributor would
    /// publish their own value), when any (n,k) rule holds (the n largest exceed k % of the total), or when the p % rule
    /// holds (T - x1 - x2 &lt; p/100 * x1: the second largest contributor can estimate the largest within p %).
    /// An empty cell (total 0) is left to the zero rule.
    /// </summary>
    public static bool IsSensitive(long total, IReadOnlyList<long> largest, DominanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(largest);
        ArgumentNullException.ThrowIfNull(rules);
        if (total == 0 || rules.IsEmpty)
        {
            return false;
        }

        if (largest.Count < rules.ContributionsNeeded)
        {
            return true;
        }

        foreach (var rule in rules.Nk)
        {
            decimal top = 0;
            for (var i = 0; i < rule.N; i++)
            {
                top += largest[i];
            }

            if (top * 100 > (decimal)rule.K * total)
            {
                return true;
            }
        }

        return rules.PPercent is { } p && ((decimal)total - largest[0] - largest[1]) * 100 < (decimal)p * largest[0];
    }

    /// <summary>Every cell of a magnitude table (margins too) that the rules find sensitive.</summary>
    public static bool[] SensitiveCells(CountTable table, DominanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        var contributions = DominanceContributions.ForEveryCell(table, rules.ContributionsNeeded);
        return contributions.Select((largest, cell) => IsSensitive(table.Values[cell], largest, rules)).ToArray();
    }

    /// <summary>
    /// The dominance-sensitive cells of a release: tables that carry contributions are magnitude tables and get the
    /// rules; count tables get none. Null when no table carries contributions.
    /// </summary>
    public static SensitiveCells? ForRelease(IReadOnlyList<CountTable> tables, DominanceRules rules)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.All(t => t.Contributions is null))
        {
            return null;
        }

        if (rules.IsEmpty)
        {
            throw new DisclosureException("The release holds magnitude tables (with contributions) but its policy has no dominance rules.");
        }

        return new SensitiveCells(tables.Select(t => t.Contributions is null ? null : SensitiveCells(t, rules)).ToArray());
    }
}
