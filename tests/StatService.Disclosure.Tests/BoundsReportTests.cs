using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// Exact bounds per suppressed cell cost two programs each on top of the audit, so large patterns are only verified.
/// Safety must not depend on it: the same pattern is chosen and released either way, and it withstands the attacker.
/// </summary>
public class BoundsReportTests
{
    private static readonly DisclosurePolicy Default = DisclosurePolicy.DanishDefault;

    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(31)]
    public void Releases_the_same_safe_pattern_without_bounds_above_the_limit(int seed)
    {
        var table = TestTables.RandomHierarchical(new Random(seed));
        var policy = Default with { SolverTimeLimit = TimeSpan.Zero };

        var verified = new SuppressionEngine { BoundsCellLimit = 0 }.Protect([table], policy);
        var reported = new SuppressionEngine { BoundsCellLimit = int.MaxValue }.Protect([table], policy);

        Assert.True(verified.Summary.SuppressedCells > 0);
        Assert.Null(verified.Audit);
        Assert.Equal(verified.Summary.SuppressedCells, verified.Summary.AuditedCells);
        Assert.Equal(reported.Tables[0].Status, verified.Tables[0].Status);
        Assert.Equal(reported.Summary.SuppressedCells, reported.Audit!.Cells.Count);
        ReleaseAssertions.AssertSafe(verified, [table], policy);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(verified.Tables[0], policy);
    }

    [Fact]
    public void Computes_bounds_only_up_to_the_limit()
    {
        var table = TestTables.Random(new Random(29));
        var problem = ProtectionProblem.FromTables([table], [0]);

        var within = PatternSearch.Run(problem, Default, TimeSpan.Zero, int.MaxValue);
        var hidden = within.Suppressed.Count(s => s);
        var above = PatternSearch.Run(problem, Default, TimeSpan.Zero, hidden - 1);

        Assert.True(within.Audit.Passed && above.Audit.Passed);
        Assert.True(within.Audit.BoundsComputed);
        Assert.Equal(hidden, within.Audit.Bounds.Count);
        Assert.False(above.Audit.BoundsComputed);
        Assert.Empty(above.Audit.Bounds);
        Assert.Equal(within.Suppressed, above.Suppressed);
    }
}
