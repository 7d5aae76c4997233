using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// Tables of one release that count the same persons (age x sex and sex x region of one cohort) share their
/// sex margins and grand total: they are one problem, and the attacker sees both at once.
/// </summary>
public class LinkedTableTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_attacker_never_wins_over_both_tables_of_a_cohort(int seed)
    {
        var (byAge, byRegion) = Cohort(new Random(seed));
        var policy = seed % 3 == 0 ? DisclosurePolicy.DanishDefault with { SolverTimeLimit = TimeSpan.Zero } : DisclosurePolicy.DanishDefault;

        var release = new SuppressionEngine().Protect([byAge, byRegion], policy);

        ReleaseAssertions.AssertSafe(release, [byAge, byRegion], policy, linked: true);
        foreach (var sex in new[] { "total", "male", "female" })
        {
            Assert.Equal(
                release.Tables[0].Status[TestTables.Cell(byAge, "total", sex)],
                release.Tables[1].Status[TestTables.Cell(byRegion, sex, "total")]);
        }
    }

    [Fact]
    public void Shared_cells_are_one_decision_of_one_problem()
    {
        var (byAge, byRegion) = Cohort(new Random(5));

        var problem = ProtectionProblem.FromTables([byAge, byRegion], [0, 1]);

        // The grand total and the two sex margins appear in both tables.
        Assert.Equal(byAge.CellCount + byRegion.CellCount - 3, problem.CellCount);
        Assert.Equal(problem.TableCells(0)[TestTables.Cell(byAge, "total", "female")], problem.TableCells(1)[TestTables.Cell(byRegion, "female", "total")]);
        Assert.Equal(problem.TableCells(0)[0], problem.TableCells(1)[0]);
        Assert.Single(LinkedTables.Groups([byAge, byRegion]));
    }

    /// <summary>
    /// Protected apart, the sex margin can be hidden in one table and published in the other; protected together
    /// the two tables never disagree about a shared cell, and the joint attacker finds nothing.
    /// </summary>
    [Fact]
    public void A_margin_hidden_in_one_table_is_hidden_in_the_other()
    {
        var age = TestTables.Flat("age", "young", "old");
        var sex = TestTables.Flat("sex", "male", "female");
        var region = TestTables.Flat("region", "north", "south");
        // Only two women: the female margin is primary in both tables.
        var byAge = Link(TestTables.FromInner("age-by-sex", [age, sex], 20, 1, 30, 1));
        var byRegion = Link(TestTables.FromInner("sex-by-region", [sex, region], 25, 25, 1, 1));

        var release = new SuppressionEngine().Protect([byAge, byRegion], DisclosurePolicy.DanishDefault);

        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[TestTables.Cell(byAge, "total", "female")]);
        Assert.Equal(CellStatus.Suppressed, release.Tables[1].Status[TestTables.Cell(byRegion, "female", "total")]);
        ReleaseAssertions.AssertSafe(release, [byAge, byRegion], DisclosurePolicy.DanishDefault, linked: true);
    }

    [Fact]
    public void Refuses_linked_tables_that_disagree_on_a_shared_cell()
    {
        var (byAge, _) = Cohort(new Random(3));
        var other = TestTables.FromInner("sex-by-region", [TestTables.Flat("sex", "male", "female"), TestTables.Flat("region", "north", "south")], 1, 2, 3, 4);
        var linked = Link(other);

        Assert.Throws<DisclosureException>(() => new SuppressionEngine().Protect([byAge, linked], DisclosurePolicy.DanishDefault));
    }

    /// <summary>One cohort counted by age x sex x region, released as two linked tables.</summary>
    private static (CountTable ByAge, CountTable BySexRegion) Cohort(Random random)
    {
        var ages = Enumerable.Range(0, random.Next(3, 6)).Select(a => $"a{a}").ToArray();
        var regions = Enumerable.Range(0, random.Next(3, 6)).Select(r => $"r{r}").ToArray();
        var counts = new long[ages.Length, 2, regions.Length];
        foreach (var a in Enumerable.Range(0, ages.Length))
        {
            foreach (var s in Enumerable.Range(0, 2))
            {
                foreach (var r in Enumerable.Range(0, regions.Length))
                {
                    counts[a, s, r] = random.Next(10) < 4 ? random.Next(0, 4) : random.Next(2, 25);
                }
            }
        }

        var age = TestTables.Flat("age", ages);
        var sex = TestTables.Flat("sex", "male", "female");
        var region = TestTables.Flat("region", regions);
        var byAge = TestTables.FromInner("age-by-sex", [age, sex],
            [.. from a in Enumerable.Range(0, ages.Length) from s in Enumerable.Range(0, 2) select Enumerable.Range(0, regions.Length).Sum(r => counts[a, s, r])]);
        var bySexRegion = TestTables.FromInner("sex-by-region", [sex, region],
            [.. from s in Enumerable.Range(0, 2) from r in Enumerable.Range(0, regions.Length) select Enumerable.Range(0, ages.Length).Sum(a => counts[a, s, r])]);
        return (Link(byAge), Link(bySexRegion));
    }

    private static CountTable Link(CountTable table) =>
        new(table.Name, table.Dimensions, table.Values) { LinkGroup = "cohort" };
}
