using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// Persons per medicine group and region: a person can use several groups, so a margin is only known to lie
/// between its largest part and the sum of its parts. The attacker reasons with those bounds.
/// </summary>
public class NonAdditiveTableTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_attacker_never_wins_on_a_table_of_overlapping_groups(int seed)
    {
        var table = PersonsPerGroup(new Random(seed));
        Assert.False(table.IsAdditive(), "the table must really overlap");

        var release = new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault);

        ReleaseAssertions.AssertSafe(release, [table], DisclosurePolicy.DanishDefault);
    }

    [Fact]
    public void Refuses_a_margin_above_the_sum_of_its_parts()
    {
        var table = new CountTable("broken", [TestTables.Flat("group", "A", "B")], [12, 3, 8]) { Additive = false };

        Assert.Throws<DisclosureException>(() => new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault));
    }

    [Fact]
    public void Accepts_a_margin_between_the_largest_part_and_the_sum()
    {
        var table = new CountTable("overlap", [TestTables.Flat("group", "A", "B", "C")], [20, 3, 12, 9]) { Additive = false };

        var release = new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault);

        // Knowing 20 <= A + 12 + 9 says nothing about A beyond A <= 20: the primary needs no complement here.
        Assert.Equal(1, release.Summary.SuppressedCells);
        ReleaseAssertions.AssertSafe(release, [table], DisclosurePolicy.DanishDefault);
    }

    /// <summary>Counts of distinct persons per (group, region), margins counting each person once.</summary>
    private static CountTable PersonsPerGroup(Random random)
    {
        var groups = Enumerable.Range(0, random.Next(3, 5)).Select(g => $"g{g}").ToArray();
        var regions = Enumerable.Range(0, random.Next(2, 5)).Select(r => $"r{r}").ToArray();
        var group = TestTables.Flat("group", groups);
        var region = TestTables.Flat("region", regions);
        var persons = Enumerable.Range(0, random.Next(40, 120)).Select(_ =>
        (
            Region: random.Next(regions.Length),
            Groups: Enumerable.Range(0, groups.Length).Where(_ => random.Next(10) < 3).ToArray()
        )).Where(p => p.Groups.Length > 0).ToArray();

        var probe = new CountTable("probe", [group, region], new long[group.Count * region.Count]);
        var values = new long[probe.CellCount];
        for (var cell = 0; cell < values.Length; cell++)
        {
            var g = probe.CodeIndex(cell, 0) - 1; // code 0 is the total
            var r = probe.CodeIndex(cell, 1) - 1;
            values[cell] = persons.Count(p => (r < 0 || p.Region == r) && (g < 0 || p.Groups.Contains(g)));
        }

        return new CountTable("persons-per-group", [group, region], values) { Additive = false };
    }
}
