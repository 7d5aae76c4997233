using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Core.Ledger;

/// <summary>
/// Differencing across releases of one extract version. When one cell's persons lie inside another's (same context, each
/// nesting criterion a subset), the larger count minus the smaller counts a group of its own; an earlier release
/// published one of the two, so publishing the other would publish that group. If its size is sensitive under the policy
/// (1-4 persons by default), the new cell must be suppressed and stay wide enough in the attacker's eyes that the group
/// could still hold the threshold or more. Cells of the same release are left to the suppression itself (linked tables).
/// </summary>
public static class DifferencingCheck
{
    /// <summary>
    /// The cells of a release that earlier releases make sensitive, with what each needs (<see cref="DifferencingPrimaries"/>).
    /// Decided from the true counts, so it does not depend on which cells a pattern would publish.
    /// </summary>
    public static DifferencingPrimaries Needs(IReadOnlyList<CountTable> tables, PersonSet?[][] sets, IReadOnlyList<LedgerCell> earlier, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(policy);
        var needs = Sensitive(tables, sets, earlier, policy)
            .Select(pair => pair.NewHoldsEarlier
                ? new DifferencingPrimary(pair.Table, pair.Cell, pair.Earlier + policy.CeilingNeeded(pair.Difference), null)
                : new DifferencingPrimary(pair.Table, pair.Cell, null, pair.Earlier - policy.CeilingNeeded(pair.Difference)))
            .ToArray();
        return DifferencingPrimaries.None.Union(new DifferencingPrimaries(needs));
    }

    /// <summary>
    /// What a protected release would still disclose together with the earlier cells: a sensitive difference whose new
    /// cell is published, or whose new cell's interval (the release's audit bounds) does not reach far enough, or cannot
    /// be confirmed because the release carries no bounds for it. Empty: the release may be delivered.
    /// </summary>
    public static IReadOnlyList<DifferencingFinding> Verify(ProtectedRelease release, PersonSet?[][] sets, IReadOnlyList<LedgerCell> earlier, DisclosurePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(policy);
        var tables = release.Tables.Take(sets.Length).Select(t => t.Table).ToArray();
        var bounds = release.Audit?.Cells.ToDictionary(b => (b.Table, b.Cell));
        var findings = new List<DifferencingFinding>();
        foreach (var pair in Sensitive(tables, sets, earlier, policy))
        {
            var kind = release.Tables[pair.Table].Status[pair.Cell] == CellStatus.Published
                ? DifferencingFindingKind.Published
                : bounds is null || !bounds.TryGetValue((pair.Table, pair.Cell), out var interval)
                    ? DifferencingFindingKind.Unverified
                    : Reaches(pair, interval, policy) ? (DifferencingFindingKind?)null : DifferencingFindingKind.TooNarrow;
            if (kind is { } found)
            {
                findings.Add(new DifferencingFinding(pair.Table, pair.Cell, found));
            }
        }

        return findings;
    }

    /// <summary>The earlier releases (order ids) with cells in the contexts of the new cells: those the release is compared with.</summary>
    public static int ComparedReleases(IReadOnlyList<LedgerCell> earlier) => earlier.Select(c => c.OrderId).Distinct().Count();

    private static bool Reaches(Pair pair, SuppressedCellBounds interval, DisclosurePolicy policy)
    {
        var ceiling = policy.CeilingNeeded(pair.Difference);
        return pair.NewHoldsEarlier
            ? interval.Upper is not { } upper || upper - pair.Earlier >= ceiling
            : pair.Earlier - interval.Lower >= ceiling;
    }

    /// <summary>Every pair of a new cell and a nested earlier cell whose difference is sensitive.</summary>
    private static IEnumerable<Pair> Sensitive(IReadOnlyList<CountTable> tables, PersonSet?[][] sets, IReadOnlyList<LedgerCell> earlier, DisclosurePolicy policy) =>
        Pairs(tables, sets, earlier).Where(pair => policy.IsSensitiveCount(pair.Difference));

    private static IEnumerable<Pair> Pairs(IReadOnlyList<CountTable> tables, PersonSet?[][] sets, IReadOnlyList<LedgerCell> earlier)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(earlier);
        var byContext = Distinct(earlier);
        for (var t = 0; t < sets.Length; t++)
        {
            for (var cell = 0; cell < sets[t].Length; cell++)
            {
                if (sets[t][cell] is not { } mine || !byContext.TryGetValue(mine.Context, out var candidates))
                {
                    continue;
                }

                var value = tables[t].Values[cell];
                foreach (var (theirs, published) in candidates)
                {
                    if (mine.Equals(theirs))
                    {
                        Consistent(value == published);
                    }
                    else if (mine.IsWithin(theirs))
                    {
                        Consistent(published >= value);
                        yield return new Pair(t, cell, published, NewHoldsEarlier: false, published - value);
                    }
                    else if (theirs.IsWithin(mine))
                    {
                        Consistent(value >= published);
                        yield return new Pair(t, cell, published, NewHoldsEarlier: true, value - published);
                    }
                }
            }
        }
    }

    /// <summary>Earlier cells by context, one per person set (several releases publish the same margins).</summary>
    private static Dictionary<string, List<(PersonSet Set, long Value)>> Distinct(IReadOnlyList<LedgerCell> earlier)
    {
        var result = new Dictionary<string, List<(PersonSet, long)>>(StringComparer.Ordinal);
        foreach (var group in earlier.GroupBy(c => c.PersonSet))
        {
            var value = group.First().Value;
            Consistent(group.All(c => c.Value == value));
            if (!result.TryGetValue(group.Key.Context, out var list))
            {
                result[group.Key.Context] = list = [];
            }

            list.Add((group.Key, value));
        }

        return result;
    }

    /// <summary>
    /// The same persons on one immutable extract have one count, and a set inside another never has more. Anything else
    /// means a definition claims a nesting that does not hold; no release is judged on such a claim.
    /// </summary>
    private static void Consistent(bool holds)
    {
        if (!holds)
        {
            throw new InvalidOperationException("The release ledger holds a count that contradicts a nested one of the same extract version.");
        }
    }

    private readonly record struct Pair(int Table, int Cell, long Earlier, bool NewHoldsEarlier, long Difference);
}
