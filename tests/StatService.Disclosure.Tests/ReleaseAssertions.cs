using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>What must hold for every release, judged from outside the engine.</summary>
internal static class ReleaseAssertions
{
    /// <param name="linked">Attack all tables at once, their shared cells equal (tables of one link group).</param>
    public static void AssertSafe(ProtectedRelease release, IReadOnlyList<CountTable> tables, DisclosurePolicy policy, bool wholeNumbers = false, bool linked = false)
    {
        Assert.Equal(tables.Count, release.Tables.Count);
        Assert.Equal(policy.Describe(), release.Summary.Rule);
        Assert.Equal(policy.Name, release.Summary.Policy);

        var primaries = 0;
        var suppressed = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            var truth = tables[t].Values;
            var table = release.Tables[t];
            Assert.Equal(truth.Length, table.Status.Length);
            for (var c = 0; c < truth.Length; c++)
            {
                var sensitive = truth[c] == 0 ? policy.ZerosSensitive : truth[c] <= policy.MaxSensitiveCount;
                primaries += sensitive ? 1 : 0;
                if (sensitive)
                {
                    Assert.True(table.Status[c] == CellStatus.Suppressed, $"primary cell {c} ({truth[c]}) of '{tables[t].Name}' is published");
                }

                if (table.PublishedValue(c) is { } published)
                {
                    Assert.Equal(truth[c], published);
                }
            }

            suppressed += table.SuppressedCount;
            var view = new PublishedTable(table);
            if (!linked)
            {
                AssertAttackFails(tables[t], IndependentAttacker.Intervals(view, policy.HiddenMayBeZero), policy);
            }

            if (wholeNumbers && tables[t].Additive)
            {
                AssertWholeNumberAttackFails(view, truth, policy);
            }
        }

        if (linked)
        {
            var views = release.Tables.Select(p => new PublishedTable(p)).ToArray();
            var intervals = IndependentAttacker.Intervals(views, linked: true, policy.HiddenMayBeZero);
            for (var t = 0; t < tables.Count; t++)
            {
                AssertAttackFails(tables[t], intervals[t], policy);
            }
        }

        Assert.Equal(primaries, release.Summary.PrimarySuppressions);
        Assert.Equal(suppressed - primaries, release.Summary.SecondarySuppressions);
    }

    /// <summary>
    /// No suppressed cell pinned or shown below the threshold; with a protection level, every primary's interval
    /// reaches that share of its value above it and below it (down to the attacker's floor).
    /// </summary>
    private static void AssertAttackFails(CountTable table, IReadOnlyList<CellInterval> intervals, DisclosurePolicy policy)
    {
        var wins = IndependentAttacker.Wins(intervals, policy.Threshold);
        Assert.True(wins.Count == 0, $"the attacker wins on '{table.Name}': {string.Join(", ", wins)}");
        if (policy.ProtectionLevelPercent <= 0)
        {
            return;
        }

        // How low each cell could go if every non-zero cell were hidden: no protection can ask for less.
        var everything = new ProtectedTable(table, table.Values.Select(v => v == 0 && !policy.HiddenMayBeZero ? CellStatus.Published : CellStatus.Suppressed).ToArray());
        var floor = IndependentAttacker.Intervals(new PublishedTable(everything), policy.HiddenMayBeZero).ToDictionary(i => i.Cell, i => i.Lower);
        foreach (var interval in intervals)
        {
            var value = table.Values[interval.Cell];
            if (!(value == 0 ? policy.ZerosSensitive : value <= policy.MaxSensitiveCount))
            {
                continue;
            }

            var margin = Math.Max(1, Math.Ceiling(value * policy.ProtectionLevelPercent / 100 - 1e-9));
            Assert.True(interval.Upper >= value + margin - 1e-6, $"cell {interval.Cell} ({value}) of '{table.Name}' reaches only {interval.Upper}");
            Assert.True(interval.Lower <= Math.Max(floor[interval.Cell], value - margin) + 1e-6, $"cell {interval.Cell} ({value}) of '{table.Name}' cannot go below {interval.Lower}");
        }
    }

    /// <summary>
    /// Each holder of a suppressed singleton knows the cells that hold only them (value 1 and above
    /// their own inner cell) and therefore everything below those (theirs or empty). Knowing that,
    /// they must still neither pin another suppressed cell nor prove it below the threshold.
    /// </summary>
    /// <param name="maxHolders">Attack with at most this many holders (the first ones), to bound a test's time.</param>
    public static void AssertSingletonHoldersLearnNothing(ProtectedTable release, DisclosurePolicy policy, int maxHolders = int.MaxValue)
    {
        var truth = release.Table.Values;
        var view = new PublishedTable(release);
        var inner = Enumerable.Range(0, view.CellCount).Where(c => IsInner(view, c)).ToArray();
        foreach (var singleton in view.SuppressedCells.Where(c => truth[c] == 1).Take(maxHolders))
        {
            var holder = inner.Single(i => truth[i] == 1 && Contains(view, singleton, i));
            var own = Enumerable.Range(0, view.CellCount).Where(c => truth[c] == 1 && Contains(view, c, holder)).ToArray();
            var known = Enumerable.Range(0, view.CellCount)
                .Where(c => view.Published[c] is null && own.Any(o => Contains(view, o, c)))
                .ToDictionary(c => c, c => truth[c]);
            var wins = IndependentAttacker.Wins(IndependentAttacker.Intervals(view, policy.HiddenMayBeZero, known), policy.Threshold);
            Assert.True(wins.Count == 0, $"the holder of cell {singleton} wins on '{release.Table.Name}': {string.Join(", ", wins)}");
        }
    }

    private static bool IsInner(PublishedTable view, int cell) =>
        view.Coordinates(cell).Select((code, d) => view.Children[d][code].Length == 0).All(leaf => leaf);

    /// <summary>Whether the cell <paramref name="outer"/> adds up the cell <paramref name="inner"/> (or is it).</summary>
    private static bool Contains(PublishedTable view, int outer, int inner)
    {
        var top = view.Coordinates(outer);
        var path = view.Coordinates(inner);
        for (var d = 0; d < top.Length; d++)
        {
            var code = path[d];
            while (code != top[d] && Parent(view, d, code) is { } parent)
            {
                code = parent;
            }

            if (code != top[d])
            {
                return false;
            }
        }

        return true;
    }

    private static int? Parent(PublishedTable view, int dimension, int code)
    {
        for (var p = 0; p < view.Children[dimension].Length; p++)
        {
            if (view.Children[dimension][p].Contains(code))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The solver-free check: a second whole count and one at or above the threshold exist for every suppressed cell.</summary>
    public static void AssertWholeNumberAttackFails(PublishedTable view, long[] truth, DisclosurePolicy policy)
    {
        var cap = 4 * (view.Published.Max(v => v ?? 0) + policy.Threshold) + 20;
        var attacker = new IntegerAttacker(view, policy.HiddenMayBeZero, cap);
        Assert.All(attacker.Cells, c => Assert.InRange(truth[c], 0, cap));
        Assert.True(attacker.Consistent(attacker.Cells.ToDictionary(c => c, c => truth[c])));
        foreach (var cell in attacker.Cells)
        {
            Assert.True(attacker.Possible(cell, policy.Threshold, cap), $"cell {cell} is provably below {policy.Threshold}");
            Assert.True(attacker.Possible(cell, 0, truth[cell] - 1) || attacker.Possible(cell, truth[cell] + 1, cap), $"cell {cell} is pinned");
        }
    }
}
