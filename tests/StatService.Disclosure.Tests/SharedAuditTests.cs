using StatService.Core.Disclosure;

namespace StatService.Disclosure.Tests;

/// <summary>
/// A big connected group of suppressions is audited in several shares, each with its own program and every n-th
/// cell. Splitting must not change the verdict: the same cells fail, and the exact bounds are the same.
/// </summary>
public class SharedAuditTests
{
    private static readonly AuditSharing InOnePiece = new(int.MaxValue, 1);
    private static readonly AuditSharing InThreeShares = new(1, 3);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Shares_fail_the_same_cells_as_one_audit(int seed)
    {
        var random = new Random(seed);
        var table = TestTables.RandomHierarchical(random, maxCells: 400);
        var problem = ProtectionProblem.FromTables([table], [0]);
        var policy = DisclosurePolicy.DanishDefault;

        // Primaries plus what the relation rules demand, then every third secondary published again: a pattern
        // with singletons and cells that fail.
        var roles = PrimarySuppression.Classify(problem, policy);
        var pattern = roles.Select(r => r == CellRole.Primary).ToArray();
        GreedySuppression.EnforceRelationRules(problem, pattern, policy);
        var secondaries = Enumerable.Range(0, pattern.Length).Where(c => pattern[c] && roles[c] != CellRole.Primary).ToArray();
        for (var i = 0; i < secondaries.Length; i += 3)
        {
            pattern[secondaries[i]] = false;
        }

        var whole = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.Verify, default, InOnePiece, CancellationToken.None);
        var shared = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.Verify, default, InThreeShares, CancellationToken.None);

        Assert.NotEmpty(whole.Failures);
        Assert.Equal(whole.Failures.Select(f => (f.Cell, f.Kind)), shared.Failures.Select(f => (f.Cell, f.Kind)));
        Assert.Equal(pattern.Count(p => p), shared.AuditedCells);
        Assert.Equal(whole.AuditedCells, shared.AuditedCells);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Shares_give_the_same_exact_bounds_as_one_audit(int seed)
    {
        var random = new Random(seed);
        var table = TestTables.RandomHierarchical(random, maxCells: 300);
        var problem = ProtectionProblem.FromTables([table], [0]);
        var policy = DisclosurePolicy.DanishDefault;
        var pattern = PrimarySuppression.Classify(problem, policy).Select(r => r == CellRole.Primary).ToArray();
        GreedySuppression.EnforceRelationRules(problem, pattern, policy);

        var whole = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.ExactBounds, default, InOnePiece, CancellationToken.None);
        var shared = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.ExactBounds, default, InThreeShares, CancellationToken.None);

        Assert.Equal(pattern.Count(p => p), shared.Bounds.Count);
        Assert.Equal(whole.Bounds, shared.Bounds);
    }
}
