using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>The worked examples of the domain notes.</summary>
public class WorkedExampleTests
{
    private static readonly DisclosurePolicy SuppressOneToTwo = DisclosurePolicy.DanishDefault with { MaxSensitiveCount = 2 };
    private static readonly DisclosurePolicy SuppressOne = DisclosurePolicy.DanishDefault with { MaxSensitiveCount = 1 };

    [Fact]
    public void Region_by_sex_hides_the_row_partner_and_one_safe_region()
    {
        var table = TestTables.RegionBySex();
        var release = new SuppressionEngine().Protect([table], SuppressOneToTwo);

        var status = release.Tables[0].Status;
        bool Hidden(string region, string sex) => status[TestTables.Cell(table, region, sex)] == CellStatus.Suppressed;
        Assert.True(Hidden("A", "female"));
        Assert.True(Hidden("A", "male"));
        var region = Hidden("C", "male") ? "C" : "D";
        Assert.True(Hidden(region, "male") && Hidden(region, "female"), "both cells of C or of D are hidden");
        Assert.Equal(4, release.Tables[0].SuppressedCount);
        Assert.Equal(1, release.Summary.PrimarySuppressions);
        Assert.Equal(3, release.Summary.SecondarySuppressions);
        ReleaseAssertions.AssertSafe(release, [table], SuppressOneToTwo, wholeNumbers: true);
    }

    [Fact]
    public void Region_by_sex_with_only_the_row_partner_hidden_fails_the_audit()
    {
        var table = TestTables.RegionBySex();
        var problem = ProtectionProblem.FromTables([table], [0]);
        var pattern = new bool[table.CellCount];
        pattern[TestTables.Cell(table, "A", "female")] = true;
        pattern[TestTables.Cell(table, "A", "male")] = true;

        var audit = SuppressionAudit.Run(problem, pattern, SuppressOneToTwo);

        Assert.False(audit.Passed);
        // The female column gives A/female = 45 - 19 - 10 - 14 = 2.
        var female = Assert.Single(audit.Failures, f => f.Cell == TestTables.Cell(table, "A", "female"));
        Assert.Equal(2, female.Upper, 6);
        Assert.NotEmpty(female.Cut.Cells);
    }

    [Fact]
    public void Two_singletons_alone_are_not_accepted()
    {
        var table = Singletons();
        var problem = ProtectionProblem.FromTables([table], [0]);
        var pattern = new bool[table.CellCount];
        pattern[TestTables.Cell(table, "a")] = true;
        pattern[TestTables.Cell(table, "c")] = true;

        var audit = SuppressionAudit.Run(problem, pattern, SuppressOne);

        // a + c = 4 - 2 - 0 = 2 pins both to 1, and each holder would recompute the other anyway.
        Assert.False(audit.Passed);
        Assert.Equal([TestTables.Cell(table, "a"), TestTables.Cell(table, "c")], audit.Failures.Select(f => f.Cell).Order());
    }

    [Fact]
    public void Two_singletons_take_one_more_cell_with_them()
    {
        var table = Singletons();
        var release = new SuppressionEngine().Protect([table], SuppressOne);

        var status = release.Tables[0].Status;
        Assert.Equal(CellStatus.Suppressed, status[TestTables.Cell(table, "a")]);
        Assert.Equal(CellStatus.Suppressed, status[TestTables.Cell(table, "c")]);
        Assert.Equal(CellStatus.Published, status[TestTables.Cell(table, "d")]);
        Assert.Equal(3, release.Tables[0].SuppressedCount);
        ReleaseAssertions.AssertSafe(release, [table], SuppressOne, wholeNumbers: true);

        // The holder of a knows a = 1 and must still face two unknowns.
        var view = new PublishedTable(release.Tables[0]);
        var insider = IndependentAttacker.Intervals(view, zerosSensitive: false, new Dictionary<int, long> { [TestTables.Cell(table, "a")] = 1 });
        Assert.All(insider, i => Assert.True(i.Upper - i.Lower > 1e-6, $"the holder of a pins cell {i.Cell}"));
    }

    private static CountTable Singletons() =>
        TestTables.FromInner("singletons", [TestTables.Flat("group", "a", "b", "c", "d")], 1, 2, 1, 0);
}
