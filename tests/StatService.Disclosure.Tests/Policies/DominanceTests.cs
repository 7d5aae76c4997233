using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests.Policies;

/// <summary>
/// Dominance rules from the domain notes' definitions: (n,k) -- sensitive if the n largest contributions exceed k % of
/// the cell total; p % -- sensitive if T - x1 - x2 &lt; p/100 * x1. Expected outcomes are worked out by hand below.
/// </summary>
public sealed class DominanceTests
{
    private static readonly DominanceRules OneSixtyAndP10 = new([new NkRule(1, 60)], 10);

    [Theory]
    // T=1000, x=[500,100,...]: 500 > 600? no; 1000-500-100 = 400 < 50? no.
    [InlineData(1000, new long[] { 500, 100 }, false)]
    // 700 > 600: the (1,60) rule holds.
    [InlineData(1000, new long[] { 700, 200 }, true)]
    // Exactly 60 %: "exceed" is strict, and 1000-600-200 = 200 < 60? no.
    [InlineData(1000, new long[] { 600, 200 }, false)]
    // 400 > 480? no; but 800-400-380 = 20 < 40: the second largest estimates the largest within 10 %.
    [InlineData(800, new long[] { 400, 380 }, true)]
    // 800-400-360 = 40 < 40? no (strict).
    [InlineData(800, new long[] { 400, 360 }, false)]
    // A single contributor: always sensitive.
    [InlineData(900, new long[] { 900 }, true)]
    // An empty cell is the zero rule's business.
    [InlineData(0, new long[0], false)]
    public void One_sixty_and_p_ten_percent(long total, long[] largest, bool sensitive) =>
        Assert.Equal(sensitive, DominanceSensitivity.IsSensitive(total, largest, OneSixtyAndP10));

    [Fact]
    public void Two_largest_rule_counts_both_and_fewer_contributors_than_the_rule_needs_is_sensitive()
    {
        var rules = new DominanceRules([new NkRule(2, 85), new NkRule(3, 95)], null);

        Assert.Equal(3, rules.ContributionsNeeded);
        // 60 + 30 = 90 > 85.
        Assert.True(DominanceSensitivity.IsSensitive(100, [60, 30, 5], rules));
        // 50 + 30 = 80, 50 + 30 + 10 = 90: neither exceeds.
        Assert.False(DominanceSensitivity.IsSensitive(100, [50, 30, 10], rules));
        // 50 + 30 + 16 = 96 > 95.
        Assert.True(DominanceSensitivity.IsSensitive(100, [50, 30, 16], rules));
        // Two contributors where the rules look at three: the cell is the sum of two persons.
        Assert.True(DominanceSensitivity.IsSensitive(100, [50, 50], rules));
    }

    /// <summary>
    /// Region x sex of a magnitude (say defined daily doses), the inner cells with all their contributors. Margins
    /// carry no contributions: they are merged from the inner cells. By hand, with (1,60) and p = 10 %:
    /// A/female 700 &gt; 60 % of 1000; B/female a single person; C/male 800-400-380 = 20 &lt; 40;
    /// B/total top [5000, 300]: 5000 &gt; 60 % of 6000; total/female top [5000, 700]: 5000 &gt; 60 % of 7000.
    /// Every other cell is safe (grand total 9800: 5000 &lt; 5880 and 9800-5000-700 = 4100 &gt; 500).
    /// </summary>
    internal static CountTable RegionBySexDoses()
    {
        var contributors = new Dictionary<string, long[]>
        {
            ["A/male"] = [500, 100, 100, 100, 100, 100],
            ["A/female"] = [700, 200, 100],
            ["B/male"] = [300, 250, 250, 200],
            ["B/female"] = [5000],
            ["C/male"] = [400, 380, 20],
            ["C/female"] = [200, 200, 200, 200, 200],
        };
        var dimensions = new[] { PolicyTables.Flat("region", "A", "B", "C"), PolicyTables.Flat("sex", "male", "female") };
        var values = PolicyTables.FromInner("doses", dimensions, contributors.ToDictionary(c => c.Key, c => c.Value.Sum()));
        return new CountTable(values.Name, values.Dimensions, values.Values)
        {
            Contributions = Enumerable.Range(0, values.CellCount)
                .Select(cell => contributors.TryGetValue(PolicyTables.KeyOf(values, cell), out var c) ? c : null)
                .ToArray(),
        };
    }

    internal static readonly string[] DosesSensitive = ["A/female", "B/female", "C/male", "B/total", "total/female"];

    [Fact]
    public void Margins_merge_the_inner_cells_contributions()
    {
        var table = RegionBySexDoses();

        var contributions = DominanceContributions.ForEveryCell(table, 2);

        Assert.Equal([5000, 700], contributions[PolicyTables.Cell(table, "total", "female")]);
        Assert.Equal([5000, 300], contributions[PolicyTables.Cell(table, "B", "total")]);
        Assert.Equal([5000, 700], contributions[PolicyTables.Cell(table, "total", "total")]);
        Assert.Equal([500, 400], contributions[PolicyTables.Cell(table, "total", "male")]);
        Assert.Equal([5000], contributions[PolicyTables.Cell(table, "B", "female")]);
    }

    [Fact]
    public void Inner_cells_and_margins_are_sensitive_exactly_where_worked_out_by_hand()
    {
        var table = RegionBySexDoses();

        var sensitive = DominanceSensitivity.SensitiveCells(table, OneSixtyAndP10);

        var found = Enumerable.Range(0, table.CellCount).Where(c => sensitive[c]).Select(c => PolicyTables.KeyOf(table, c)).Order();
        Assert.Equal(DosesSensitive.Order(), found);
    }

    [Fact]
    public void Suppression_hides_every_dominance_cell_adds_complements_and_passes_the_audit()
    {
        var table = RegionBySexDoses();
        var policy = DisclosurePolicy.DanishDefault with { Dominance = OneSixtyAndP10 };

        var release = new ReleaseProtection().Protect([table], policy);

        var released = Assert.Single(release.Tables);
        foreach (var key in DosesSensitive)
        {
            Assert.Equal(CellStatus.Suppressed, released.Status[PolicyTables.Cell(table, key.Split('/'))]);
        }

        Assert.Equal(DosesSensitive.Length, release.Summary.Loss!.Tables[0].Primary);
        Assert.True(release.Summary.Loss.Tables[0].Secondary > 0, "a lone suppressed cell in a row would be its row total minus the rest");
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            Assert.Equal(released.Status[cell] == CellStatus.Published ? table.Values[cell] : null, released.PublishedValue(cell));
        }

        // Independent of the engine: no relation (row or column) may hold exactly one suppressed cell.
        foreach (var relation in table.Relations())
        {
            var hidden = relation.Parts.Append(relation.Total).Count(c => released.Status[c] == CellStatus.Suppressed);
            Assert.NotEqual(1, hidden);
        }

        Assert.Null(released.Table.Contributions);
        Assert.Contains("largest contributions", release.Summary.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_magnitude_table_without_dominance_rules_or_with_inconsistent_contributions_is_refused()
    {
        var table = RegionBySexDoses();
        Assert.Throws<DisclosureException>(() => new ReleaseProtection().Protect([table], DisclosurePolicy.DanishDefault));

        var tooLarge = new CountTable(table.Name, table.Dimensions, table.Values)
        {
            Contributions = table.Contributions!.Select((c, cell) => cell == PolicyTables.Cell(table, "A", "male") ? new long[] { 5000 } : c).ToArray(),
        };
        Assert.Throws<DisclosureException>(() => DominanceSensitivity.SensitiveCells(tooLarge, OneSixtyAndP10));

        var notAdditive = new CountTable(table.Name, table.Dimensions, table.Values) { Additive = false, Contributions = table.Contributions };
        Assert.Throws<DisclosureException>(() => DominanceSensitivity.SensitiveCells(notAdditive, OneSixtyAndP10));
    }

    [Fact]
    public void In_a_release_with_a_count_table_only_the_magnitude_table_gets_the_dominance_rules()
    {
        var doses = RegionBySexDoses();
        var counts = CountTable.FromInnerCells("persons", doses.Dimensions, c => c[0] == 1 && c[1] == 2 ? 3 : 40);
        var policy = DisclosurePolicy.DanishDefault with { Dominance = OneSixtyAndP10 };

        var release = new ReleaseProtection().Protect([counts, doses], policy);

        var loss = release.Summary.Loss!;
        Assert.Equal(1, loss.Tables[0].Primary); // A/female = 3, by the threshold rule alone
        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[PolicyTables.Cell(counts, "A", "female")]);
        Assert.Equal(DosesSensitive.Length, loss.Tables[1].Primary);
        Assert.All(DosesSensitive, key => Assert.Equal(CellStatus.Suppressed, release.Tables[1].Status[PolicyTables.Cell(doses, key.Split('/'))]));
    }
}
