namespace StatService.Core.Disclosure;

/// <summary>
/// Dominance rules for magnitude tables. A cell is sensitive when any (n,k) rule holds (its n largest
/// contributions exceed k % of the cell total) or, with a p % rule, when T - x1 - x2 &lt; p/100 * x1.
/// </summary>
public sealed record DominanceRules(IReadOnlyList<NkRule> Nk, double? PPercent)
{
    public static DominanceRules None { get; } = new([], null);

    public bool IsEmpty => Nk.Count == 0 && PPercent is null;

    /// <summary>
    /// How many of a cell's largest contributions the query must return: the largest n of the (n,k) rules, and at least 2
    /// (for the p % rule, and to tell a single contributor, always sensitive, from several). 0 without rules.
    /// </summary>
    public int ContributionsNeeded => IsEmpty ? 0 : Math.Max(2, Nk.Count == 0 ? 0 : Nk.Max(r => r.N));
}

/// <summary>The (n,k) rule: sensitive when the n largest contributions exceed k % of the cell total.</summary>
public sealed record NkRule(int N, double K);
