using StatService.Core.Disclosure;

namespace StatService.Disclosure.Tests;

/// <summary>
/// Properties over many seeded random additive tables of 2 to 4 dimensions with hierarchies (flat, two- and
/// three-level), under several policies: the independent attacker never pins a suppressed cell or proves it
/// below the threshold, singleton holders learn nothing, and a protection level is met.
/// </summary>
public class PropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1000, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_attacker_never_wins_on_hierarchical_tables(int seed)
    {
        var random = new Random(seed);
        var table = TestTables.RandomHierarchical(random, maxCells: 400);
        var policy = (seed % 6) switch
        {
            0 => DisclosurePolicy.DanishDefault with { Name = "zeros-sensitive", ZerosSensitive = true },
            1 => DisclosurePolicy.DanishDefault with { Name = "cell-value", Loss = InformationLoss.CellValue },
            2 => DisclosurePolicy.DanishDefault with { Name = "level-30", ProtectionLevelPercent = 30 },
            3 => DisclosurePolicy.DanishDefault with { Name = "heuristic", SolverTimeLimit = TimeSpan.Zero },
            _ => DisclosurePolicy.DanishDefault,
        };

        var release = new SuppressionEngine().Protect([table], policy);

        ReleaseAssertions.AssertSafe(release, [table], policy, wholeNumbers: release.Tables[0].SuppressedCount <= 10);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(release.Tables[0], policy, maxHolders: 6);
    }

    [Fact]
    public void A_protection_level_widens_the_intervals_of_primaries()
    {
        var table = TestTables.RegionBySex();
        var policy = DisclosurePolicy.DanishDefault with { Name = "level-200", MaxSensitiveCount = 2, ProtectionLevelPercent = 200 };

        var release = new SuppressionEngine().Protect([table], policy);

        // A/female is 2: its interval must reach 2 + 4 = 6, which the plain rule (threshold 3) does not ask for.
        var interval = IndependentAttacker.Intervals(new PublishedTable(release.Tables[0]), zerosSensitive: false)
            .Single(i => i.Cell == TestTables.Cell(table, "A", "female"));
        Assert.True(interval.Upper >= 6 - 1e-6, $"A/female reaches only {interval.Upper}");
        ReleaseAssertions.AssertSafe(release, [table], policy, wholeNumbers: true);
    }

    [Fact]
    public void Minimising_value_hides_no_more_of_the_total_than_minimising_cells()
    {
        var table = TestTables.RegionBySex();
        var byCount = new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault with { MaxSensitiveCount = 2 });
        var byValue = new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault with { MaxSensitiveCount = 2, Loss = InformationLoss.CellValue });

        Assert.True(HiddenValue(byValue) <= HiddenValue(byCount));
        Assert.True(byCount.Summary.SuppressedCells <= byValue.Summary.SuppressedCells);
    }

    private static long HiddenValue(ProtectedRelease release) =>
        Enumerable.Range(0, release.Tables[0].Table.CellCount).Where(c => release.Tables[0].Status[c] == Core.Tables.CellStatus.Suppressed)
            .Sum(c => release.Tables[0].Table.Values[c]);
}
