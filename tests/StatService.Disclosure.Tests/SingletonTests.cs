using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>The holder of a singleton knows their own cell and must learn nobody else's.</summary>
public class SingletonTests
{
    private static readonly DisclosurePolicy Default = DisclosurePolicy.DanishDefault;

    [Fact]
    public void Audit_lets_the_holder_of_a_singleton_attack_a_rectangle()
    {
        var table = Rectangle();
        var problem = ProtectionProblem.FromTables([table], [0]);
        var pattern = new bool[table.CellCount];
        foreach (var (region, sex) in new[] { ("A", "male"), ("A", "female"), ("B", "male"), ("B", "female") })
        {
            pattern[TestTables.Cell(table, region, sex)] = true;
        }

        // Outsiders only see A/male somewhere in 1..8; its holder knows it is 1 and so pins the other three.
        var outsider = IndependentAttacker.Intervals(new PublishedTable(Published(table, pattern)), zerosSensitive: false);
        Assert.Empty(IndependentAttacker.Wins(outsider, Default.Threshold));

        var audit = SuppressionAudit.Run(problem, pattern, Default);

        Assert.False(audit.Passed);
        Assert.All(audit.Failures, f => Assert.Equal(AuditFailureKind.SingletonExposed, f.Kind));
        Assert.Equal(3, audit.Failures.Count);
    }

    [Fact]
    public void Protects_a_singleton_against_its_own_holder()
    {
        var table = Rectangle();
        var release = new SuppressionEngine().Protect([table], Default);

        ReleaseAssertions.AssertSafe(release, [table], Default, wholeNumbers: true);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(release.Tables[0], Default);
    }

    private static CountTable Rectangle() =>
        TestTables.FromInner("rectangle", [TestTables.Flat("region", "A", "B", "C"), TestTables.Flat("sex", "male", "female")],
            1, 7,
            8, 9,
            12, 15);

    private static ProtectedTable Published(CountTable table, bool[] pattern) =>
        new(table, pattern.Select(p => p ? CellStatus.Suppressed : CellStatus.Published).ToArray());
}
