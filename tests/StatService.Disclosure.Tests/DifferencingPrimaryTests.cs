using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// Cells that an earlier release makes sensitive (<see cref="DifferencingPrimaries"/>, beside the policy): the engine suppresses them
/// and widens the attacker's interval until the difference with the earlier count could reach the threshold, judged by
/// the independent attacker on the published table plus the earlier count.
/// </summary>
public sealed class DifferencingPrimaryTests
{
    private static readonly string[] Regions = ["1081", "1082", "1083", "1084", "1085"];

    [Fact]
    public void A_cell_inside_an_earlier_one_is_hidden_so_low_that_the_difference_can_reach_the_threshold()
    {
        // Men with X by region (total 7); an earlier release published everyone with X: 8, so one woman.
        var men = TestTables.FromInner("men", [TestTables.Flat("region", Regions)], 5, 2, 0, 0, 0);
        var total = TestTables.Cell(men, "total");
        const long everyone = 8;
        var policy = DisclosurePolicy.DanishDefault;

        var unchecked_ = new ReleaseProtection().Protect([men], policy);
        Assert.Equal(CellStatus.Published, unchecked_.Tables[0].Status[total]);

        var release = new ReleaseProtection().Protect(
            [men], policy, new DifferencingPrimaries([new DifferencingPrimary(0, total, null, everyone - policy.Threshold)]));

        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[total]);
        var intervals = IndependentAttacker.Intervals(new PublishedTable(release.Tables[0]), zerosSensitive: false);
        Assert.Empty(IndependentAttacker.Wins(intervals, policy.Threshold));
        var women = (Lowest: everyone - intervals.Single(i => i.Cell == total).Upper, Highest: everyone - intervals.Single(i => i.Cell == total).Lower);
        Assert.True(women.Highest >= policy.Threshold - 1e-6, $"The women's count is at most {women.Highest}: provably below {policy.Threshold}.");
        Assert.True(women.Highest - Math.Max(0, women.Lowest) >= 1 - 1e-6, "The women's count is pinned.");

        var bounds = Assert.Single(release.Audit!.Cells, b => b.Table == 0 && b.Cell == total);
        Assert.Equal(Math.Round(intervals.Single(i => i.Cell == total).Lower), bounds.Lower);
        Assert.Equal(1, release.Summary.PrimarySuppressions - unchecked_.Summary.PrimarySuppressions);
    }

    [Fact]
    public void A_cell_holding_an_earlier_one_is_hidden_so_high_that_the_difference_can_reach_the_threshold()
    {
        // Everyone with X by region: 6 in 1081, 2 in 1082; an earlier release published those in 1081 aged 18 and over: 5.
        // Hiding 1082 (2) and 1081 alone would cap 1081 at 7 by the published total: the children at 2, provably small.
        var byRegion = TestTables.FromInner("by-region", [TestTables.Flat("region", "1081", "1082")], 6, 2);
        var region = TestTables.Cell(byRegion, "1081");
        const long adults = 5;
        var policy = DisclosurePolicy.DanishDefault;

        var release = new ReleaseProtection().Protect(
            [byRegion], policy, new DifferencingPrimaries([new DifferencingPrimary(0, region, adults + policy.Threshold, null)]));

        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[region]);
        var intervals = IndependentAttacker.Intervals(new PublishedTable(release.Tables[0]), zerosSensitive: false);
        Assert.Empty(IndependentAttacker.Wins(intervals, policy.Threshold));
        var children = intervals.Single(i => i.Cell == region).Upper - adults;
        Assert.True(children >= policy.Threshold - 1e-6, $"The children's count is at most {children}: provably below {policy.Threshold}.");
    }

    [Fact]
    public void A_floor_the_zeros_already_imply_is_as_low_as_it_goes_and_the_bounds_report_it()
    {
        // Men with X in every region (7 in all): anyone sees from the published zeros that there are at least 5, so
        // together with everyone = 8 the women are at most 3, whatever is hidden. The bounds say so; the ledger refuses it.
        var men = TestTables.FromInner("men", [TestTables.Flat("region", Regions)], 2, 2, 1, 1, 1);
        var total = TestTables.Cell(men, "total");
        var release = new ReleaseProtection().Protect(
            [men], DisclosurePolicy.DanishDefault, new DifferencingPrimaries([new DifferencingPrimary(0, total, null, 8 - 5)]));

        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[total]);
        var bounds = Assert.Single(release.Audit!.Cells, b => b.Table == 0 && b.Cell == total);
        Assert.Equal(5, bounds.Lower);
        var intervals = IndependentAttacker.Intervals(new PublishedTable(release.Tables[0]), zerosSensitive: false);
        Assert.Equal(5, intervals.Single(i => i.Cell == total).Lower, 6);
    }

    [Fact]
    public void Cells_made_sensitive_by_earlier_releases_need_suppression()
    {
        var men = TestTables.FromInner("men", [TestTables.Flat("region", Regions)], 5, 2, 0, 0, 0);
        var policy = DisclosurePolicy.DanishDefault with { Method = DisclosureMethod.Rounding };

        Assert.Throws<DisclosureException>(() => new ReleaseProtection().Protect([men], policy, new DifferencingPrimaries([new DifferencingPrimary(0, 0, null, 3)])));
    }
}
