using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>What must hold for every release, judged from outside the engine.</summary>
internal static class ReleaseAssertions
{
    public static void AssertSafe(ProtectedRelease release, IReadOnlyList<CountTable> tables, DisclosurePolicy policy, bool wholeNumbers = false)
    {
        Assert.Equal(tables.Count, release.Tables.Count);
        Assert.True(release.Summary.AuditPassed);
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
            var wins = IndependentAttacker.Wins(IndependentAttacker.Intervals(view, policy.ZerosSensitive), policy.Threshold);
            Assert.True(wins.Count == 0, $"the attacker wins on '{tables[t].Name}': {string.Join(", ", wins)}");
            if (wholeNumbers)
            {
                AssertWholeNumberAttackFails(view, truth, policy);
            }
        }

        Assert.Equal(primaries, release.Summary.PrimarySuppressions);
        Assert.Equal(suppressed - primaries, release.Summary.SecondarySuppressions);
    }

    /// <summary>The solver-free check: a second whole count and one at or above the threshold exist for every suppressed cell.</summary>
    public static void AssertWholeNumberAttackFails(PublishedTable view, long[] truth, DisclosurePolicy policy)
    {
        var cap = 4 * (view.Published.Max(v => v ?? 0) + policy.Threshold) + 20;
        var attacker = new IntegerAttacker(view, policy.ZerosSensitive, cap);
        Assert.All(attacker.Cells, c => Assert.InRange(truth[c], 0, cap));
        Assert.True(attacker.Consistent(attacker.Cells.ToDictionary(c => c, c => truth[c])));
        foreach (var cell in attacker.Cells)
        {
            Assert.True(attacker.Possible(cell, policy.Threshold, cap), $"cell {cell} is provably below {policy.Threshold}");
            Assert.True(attacker.Possible(cell, 0, truth[cell] - 1) || attacker.Possible(cell, truth[cell] + 1, cap), $"cell {cell} is pinned");
        }
    }
}
