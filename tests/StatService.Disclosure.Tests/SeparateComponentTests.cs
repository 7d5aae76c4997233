using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// Suppressions that share no relation are audited as separate programs (in parallel); these tests check that
/// the split loses nothing: every group is judged as a whole-table attacker would judge it.
/// </summary>
public class SeparateComponentTests
{
    private static readonly DisclosurePolicy Default = DisclosurePolicy.DanishDefault;

    /// <summary>Municipality x sex in two regions; a rectangle of suppressions inside each region shares no relation with the other.</summary>
    private static CountTable TwoRegions() =>
        TestTables.FromInner("two-regions",
            [TestTables.TwoLevel("region", ("R1", ["a", "b", "c"]), ("R2", ["d", "e", "f"])), TestTables.Flat("sex", "male", "female")],
            2, 15,
            11, 13,
            20, 22,
            17, 3,
            12, 14,
            30, 25);

    private static bool[] Pattern(CountTable table, params (string Municipality, string Sex)[] cells)
    {
        var pattern = new bool[table.CellCount];
        foreach (var (municipality, sex) in cells)
        {
            pattern[TestTables.Cell(table, municipality, sex)] = true;
        }

        return pattern;
    }

    [Fact]
    public void Passes_two_rectangles_in_different_regions_as_the_independent_attacker_does()
    {
        var table = TwoRegions();
        var pattern = Pattern(table, ("a", "male"), ("a", "female"), ("b", "male"), ("b", "female"),
            ("d", "male"), ("d", "female"), ("e", "male"), ("e", "female"));

        var audit = SuppressionAudit.Run(ProtectionProblem.FromTables([table], [0]), pattern, Default, AuditDepth.ExactBounds);

        Assert.True(audit.Passed);
        Assert.Equal(8, audit.Bounds.Count);
        var attacker = IndependentAttacker.Intervals(Published(table, pattern), zerosSensitive: false);
        Assert.Empty(IndependentAttacker.Wins(attacker, Default.Threshold));
        foreach (var bound in audit.Bounds)
        {
            var seen = attacker.Single(i => i.Cell == bound.Cell);
            Assert.Equal(Math.Ceiling(seen.Lower - 1e-6), bound.Lower);
        }
    }

    [Fact]
    public void Reports_the_broken_group_only_when_one_of_two_groups_is_unsafe()
    {
        var table = TwoRegions();

        // R1 keeps its rectangle; in R2 the primary d/female (3) has only its row partner: its column recomputes it.
        var pattern = Pattern(table, ("a", "male"), ("a", "female"), ("b", "male"), ("b", "female"), ("d", "male"), ("d", "female"));

        var audit = SuppressionAudit.Run(ProtectionProblem.FromTables([table], [0]), pattern, Default);

        var failed = audit.Failures.Select(f => f.Cell).Order().ToArray();
        var expected = new[] { TestTables.Cell(table, "d", "male"), TestTables.Cell(table, "d", "female") }.Order().ToArray();
        Assert.Equal(expected, failed);
        var wins = IndependentAttacker.Wins(IndependentAttacker.Intervals(Published(table, pattern), zerosSensitive: false), Default.Threshold)
            .Select(w => w.Cell).Order().ToArray();
        Assert.Equal(expected, wins);
    }

    private static PublishedTable Published(CountTable table, bool[] pattern) =>
        new(new ProtectedTable(table, pattern.Select(p => p ? CellStatus.Suppressed : CellStatus.Published).ToArray()));
}
