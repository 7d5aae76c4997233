using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

public class EngineBehaviourTests
{
    private static readonly DisclosurePolicy Default = DisclosurePolicy.DanishDefault;

    [Theory]
    [InlineData(3)]
    [InlineData(29)]
    [InlineData(46)]
    public void Falls_back_to_a_safe_greedy_pattern_when_out_of_time(int seed)
    {
        var table = TestTables.Random(new Random(seed));
        var policy = Default with { SolverTimeLimit = TimeSpan.Zero };
        var problem = ProtectionProblem.FromTables([table], [0]);

        var pattern = PatternSearch.Run(problem, policy, TimeSpan.Zero);
        var release = new SuppressionEngine().Protect([table], policy);

        Assert.True(pattern.UsedFallback);
        Assert.True(pattern.Audit.Passed);
        ReleaseAssertions.AssertSafe(release, [table], policy);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(release.Tables[0], policy);
    }

    [Fact]
    public void Reports_the_attackers_bounds_for_every_suppressed_cell()
    {
        var table = TestTables.RegionBySex();
        var policy = Default with { MaxSensitiveCount = 2 };

        var release = new SuppressionEngine().Protect([table], policy);

        var report = release.Audit!;
        Assert.Equal(release.Summary.SuppressedCells, report.Cells.Count);
        Assert.Equal(release.Summary.AuditedCells, report.Cells.Count);
        var attacker = IndependentAttacker.Intervals(new PublishedTable(release.Tables[0]), zerosSensitive: false).ToDictionary(i => i.Cell);
        foreach (var bounds in report.Cells)
        {
            var seen = attacker[bounds.Cell];
            Assert.Equal((long)Math.Ceiling(seen.Lower - 1e-6), bounds.Lower);
            if (bounds.Upper is { } upper)
            {
                Assert.Equal((long)Math.Floor(seen.Upper + 1e-6), upper);
            }
        }
    }

    [Fact]
    public void Refuses_a_table_that_is_not_additive()
    {
        var dimensions = new[] { TestTables.Flat("region", "A", "B") };
        var table = new CountTable("broken", dimensions, [10, 3, 8]);

        Assert.Throws<DisclosureException>(() => new SuppressionEngine().Protect([table], Default));
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new SuppressionEngine().Protect([TestTables.RegionBySex()], Default, cancelled.Token));
    }
}
