using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests.Policies;

/// <summary>The dispatcher picks the policy's method, and every release carries its information-loss report.</summary>
public sealed class ReleaseProtectionTests
{
    /// <summary>Worked example 1 of the domain notes (region x sex).</summary>
    private static CountTable RegionBySex(string name = "region-by-sex") => PolicyTables.FromInner(name,
        [PolicyTables.Flat("region", "A", "B", "C", "D"), PolicyTables.Flat("sex", "male", "female")],
        new Dictionary<string, long>
        {
            ["A/male"] = 18, ["A/female"] = 2, ["B/male"] = 14, ["B/female"] = 19,
            ["C/male"] = 12, ["C/female"] = 10, ["D/male"] = 11, ["D/female"] = 14,
        });

    private static CountTable OneRow(params long[] counts) => CountTable.FromInnerCells(
        "row", [TableDimension.Flat("group", "I alt", counts.Select((_, i) => ($"g{i + 1}", $"Group {i + 1}")))], c => counts[c[0] - 1]);

    [Fact]
    public void Suppression_reports_primaries_secondaries_and_the_share_of_the_grand_total_hidden()
    {
        var policy = DisclosurePolicy.DanishDefault with { MaxSensitiveCount = 2 };
        var table = RegionBySex();

        var release = new ReleaseProtection().Protect([table], policy);

        var status = release.Tables[0].Status;
        var suppressed = Enumerable.Range(0, table.CellCount).Where(c => status[c] == CellStatus.Suppressed).ToArray();
        var hiddenInner = suppressed.Where(table.IsInner).Sum(c => table.Values[c]);
        var loss = Assert.Single(release.Summary.Loss!.Tables);
        Assert.Equal(DisclosureMethod.Suppression, release.Summary.Method);
        Assert.Equal((15, 1, suppressed.Length - 1, 0), (loss.Cells, loss.Primary, loss.Secondary, loss.Adjusted));
        Assert.True(loss.Secondary >= 3, "A/female needs at least three complements (domain example 1)");
        Assert.Equal(hiddenInner / 100.0, loss.ShareOfTotalHidden);
        Assert.Equal(loss.ShareOfTotalHidden, release.Summary.Loss.ShareOfTotalHidden);
        Assert.Equal((double)suppressed.Length / 15, loss.ShareOfCellsSuppressed);
        Assert.Equal((1, suppressed.Length - 1), (release.Summary.PrimarySuppressions, release.Summary.SecondarySuppressions));
    }

    [Fact]
    public void The_release_share_hidden_is_over_all_tables_and_null_when_a_grand_total_is_hidden()
    {
        var policy = DisclosurePolicy.DanishDefault with { MaxSensitiveCount = 2 };
        var first = RegionBySex("first");
        var tiny = OneRow(1, 1, 0); // grand total 2: itself a primary

        var release = new ReleaseProtection().Protect([first, tiny], policy);

        var loss = release.Summary.Loss!;
        Assert.Equal(2, loss.Tables.Count);
        Assert.Null(loss.Tables[1].ShareOfTotalHidden);
        Assert.Null(loss.ShareOfTotalHidden);
        Assert.Equal(loss.Tables.Sum(t => t.Suppressed), release.Summary.SuppressedCells);
        Assert.Equal(first.CellCount + tiny.CellCount, loss.Cells);

        var both = new ReleaseProtection().Protect([first, RegionBySex("second")], policy).Summary.Loss!;
        Assert.Equal((both.Tables[0].ShareOfTotalHidden!.Value * 100 + both.Tables[1].ShareOfTotalHidden!.Value * 100) / 200, both.ShareOfTotalHidden!.Value, 12);
    }

    [Fact]
    public void Rounding_policy_gives_worked_example_three_and_reports_rounded_cells()
    {
        var policy = DisclosurePolicyJson.Named["opensafely-rounding"];
        var table = OneRow(3, 8, 16, 23);

        var release = new ReleaseProtection().Protect([table], policy);

        var released = Assert.Single(release.Tables);
        Assert.Equal([50, null, 10, 15, 25], Enumerable.Range(0, 5).Select(released.PublishedValue));
        var loss = Assert.Single(release.Summary.Loss!.Tables);
        // 8 -> 10, 16 -> 15, 23 -> 25 changed; the total 50 happens to equal the true 50.
        Assert.Equal((1, 0, 3), (loss.Primary, loss.Secondary, loss.Adjusted));
        Assert.Null(loss.ShareOfTotalHidden);
        Assert.Equal(DisclosureMethod.Rounding, release.Summary.Method);
        Assert.True(release.Summary.Additive);
        Assert.Contains("rounded to the nearest multiple of 5", release.Summary.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounding_settings_from_the_policy_are_used()
    {
        var policy = DisclosurePolicyJson.Named["opensafely-rounding"] with { Rounding = new RoundingSettings(2, 10) };

        var release = new ReleaseProtection().Protect([OneRow(2, 8, 16, 23)], policy);

        Assert.Equal([50, null, 10, 20, 20], Enumerable.Range(0, 5).Select(release.Tables[0].PublishedValue));
    }

    [Fact]
    public void A_non_additive_table_is_rounded_cell_by_cell()
    {
        var table = OneRow(3, 8, 16, 23);
        var overlapping = new CountTable(table.Name, table.Dimensions, [40, 3, 8, 16, 23]) { Additive = false };

        var release = new ReleaseProtection().Protect([overlapping], DisclosurePolicyJson.Named["opensafely-rounding"]);

        Assert.Equal([40, null, 10, 15, 25], Enumerable.Range(0, 5).Select(release.Tables[0].PublishedValue));
    }

    [Fact]
    public void Released_tables_carry_neither_contributions_nor_cell_keys()
    {
        var doses = DominanceTests.RegionBySexDoses();
        var policy = DisclosurePolicy.DanishDefault with { Dominance = new DominanceRules([new NkRule(1, 60)], 10) };
        var counts = RegionBySex();
        var keyed = new CountTable(counts.Name, counts.Dimensions, counts.Values) { CellKeys = counts.Values.Select(_ => 0.25).ToArray() };

        var suppressed = new ReleaseProtection().Protect([doses], policy);
        var perturbed = new ReleaseProtection().Protect([keyed], DisclosurePolicyJson.Named["cell-key"]);
        var rounded = new ReleaseProtection().Protect([keyed], DisclosurePolicyJson.Named["opensafely-rounding"]);

        Assert.All(suppressed.Tables.Concat(perturbed.Tables).Concat(rounded.Tables), t =>
        {
            Assert.Null(t.Table.Contributions);
            Assert.Null(t.Table.CellKeys);
        });
    }
}
