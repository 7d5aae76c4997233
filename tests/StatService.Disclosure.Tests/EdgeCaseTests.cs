using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

public class EdgeCaseTests
{
    private static readonly DisclosurePolicy Default = DisclosurePolicy.DanishDefault;

    [Fact]
    public void Publishes_a_zero_row_and_protects_the_rest()
    {
        var table = TestTables.FromInner("zero-row", [TestTables.Flat("region", "A", "B", "C", "D"), TestTables.Flat("sex", "male", "female")],
            0, 0,
            12, 3,
            20, 17,
            9, 11);

        var release = new SuppressionEngine().Protect([table], Default);

        foreach (var sex in new[] { "total", "male", "female" })
        {
            Assert.Equal(CellStatus.Published, release.Tables[0].Status[TestTables.Cell(table, "A", sex)]);
        }

        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[TestTables.Cell(table, "B", "female")]);
        ReleaseAssertions.AssertSafe(release, [table], Default, wholeNumbers: true);
    }

    [Fact]
    public void Suppresses_every_non_zero_cell_when_the_grand_total_is_small()
    {
        var table = TestTables.FromInner("all-small", [TestTables.Flat("region", "A", "B"), TestTables.Flat("sex", "male", "female")],
            1, 0,
            2, 1);

        var release = new SuppressionEngine().Protect([table], Default);

        for (var c = 0; c < table.CellCount; c++)
        {
            var expected = table.Values[c] == 0 ? CellStatus.Published : CellStatus.Suppressed;
            Assert.Equal(expected, release.Tables[0].Status[c]);
        }

        Assert.Equal(0, release.Summary.SecondarySuppressions);
        ReleaseAssertions.AssertSafe(release, [table], Default, wholeNumbers: true);
    }

    [Fact]
    public void Publishes_everything_when_no_cell_is_sensitive()
    {
        var table = TestTables.FromInner("large", [TestTables.Flat("region", "A", "B", "C"), TestTables.Flat("sex", "male", "female")],
            10, 0,
            25, 31,
            40, 7);

        var release = new SuppressionEngine().Protect([table], Default);

        Assert.All(release.Tables[0].Status, s => Assert.Equal(CellStatus.Published, s));
        Assert.Equal(0, release.Summary.SuppressedCells);
        Assert.Equal(0, release.Summary.AuditedCells);
        Assert.Empty(release.Audit!.Cells);
    }

    [Fact]
    public void Suppresses_sensitive_zeros_when_the_policy_says_so()
    {
        var policy = Default with { ZerosSensitive = true, Name = "zeros-sensitive" };
        var table = TestTables.FromInner("zeros", [TestTables.Flat("region", "A", "B", "C"), TestTables.Flat("sex", "male", "female")],
            10, 0,
            25, 31,
            40, 7);

        var release = new SuppressionEngine().Protect([table], policy);

        Assert.Equal(CellStatus.Suppressed, release.Tables[0].Status[TestTables.Cell(table, "A", "female")]);
        ReleaseAssertions.AssertSafe(release, [table], policy, wholeNumbers: true);
    }

    /// <summary>
    /// Two suppressions in every row, column and pillar of a 3 x 3 x 3 table, yet the lines pair the
    /// cells into an odd cycle: the only perturbation that keeps every line sum is zero, so every
    /// hidden cell is pinned. A rule that counts suppressions per line cannot see this; the audit must.
    /// </summary>
    [Fact]
    public void Audit_catches_the_three_dimensional_trap()
    {
        var table = Cube(Enumerable.Range(0, 27).Select(i => 10L + i % 7).ToArray());
        var problem = ProtectionProblem.FromTables([table], [0]);
        var pattern = new bool[table.CellCount];
        foreach (var (i, j, k) in Trap)
        {
            pattern[CubeCell(table, i, j, k)] = true;
        }

        foreach (var relation in table.Relations())
        {
            var hidden = relation.Parts.Append(relation.Total).Count(c => pattern[c]);
            Assert.True(hidden is 0 or 2, "every line holds none or two suppressions");
        }

        var audit = SuppressionAudit.Run(problem, pattern, Default);

        Assert.False(audit.Passed);
        Assert.Equal(Trap.Length, audit.Failures.Count);
        Assert.All(audit.Failures, f => Assert.Equal(AuditFailureKind.Pinned, f.Kind));
        var attacker = IndependentAttacker.Intervals(new PublishedTable(new ProtectedTable(table, pattern.Select(p => p ? CellStatus.Suppressed : CellStatus.Published).ToArray())), false);
        Assert.Equal(Trap.Length, IndependentAttacker.Wins(attacker, Default.Threshold).Count);
    }

    [Fact]
    public void Protects_a_cube_whose_small_cells_sit_on_the_trap()
    {
        var inner = Enumerable.Range(0, 27).Select(i => 10L + i % 7).ToArray();
        foreach (var (i, j, k) in Trap.Take(6))
        {
            inner[(i * 3 + j) * 3 + k] = 1 + (i + j + k) % 4;
        }

        var table = Cube(inner);
        var release = new SuppressionEngine().Protect([table], Default);

        ReleaseAssertions.AssertSafe(release, [table], Default, wholeNumbers: true);
    }

    private static readonly (int, int, int)[] Trap =
    [
        (0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 2), (1, 1, 1), (1, 1, 2),
        (1, 2, 0), (1, 2, 1), (2, 0, 1), (2, 0, 2), (2, 1, 0), (2, 1, 2), (2, 2, 0), (2, 2, 1),
    ];

    private static CountTable Cube(long[] inner) =>
        TestTables.FromInner("cube", [TestTables.Flat("x", "0", "1", "2"), TestTables.Flat("y", "0", "1", "2"), TestTables.Flat("z", "0", "1", "2")], inner);

    private static int CubeCell(CountTable table, int i, int j, int k) => TestTables.Cell(table, $"{i}", $"{j}", $"{k}");
}
