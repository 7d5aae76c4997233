using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// The improvement of the heuristic's pattern (large-neighbourhood search): it only ever trades a safe pattern for a
/// cheaper safe one, as the independent attacker judges, it repeats exactly, and a neighbourhood model leaves every
/// cell outside its neighbourhood as it was.
/// </summary>
public class PatternImprovementTests
{
    private static readonly DisclosurePolicy Heuristic = DisclosurePolicy.DanishDefault with { Name = "heuristic", SolverTimeLimit = TimeSpan.Zero };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(2000, 16)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_improved_heuristic_pattern_withstands_the_independent_attacker(int seed)
    {
        var random = new Random(seed);
        var table = TestTables.RandomHierarchical(random, maxCells: 400);
        var policy = (seed % 4) switch
        {
            0 => Heuristic with { Name = "heuristic-zeros", ZerosSensitive = true },
            1 => Heuristic with { Name = "heuristic-value", Loss = InformationLoss.CellValue },
            2 => Heuristic with { Name = "heuristic-level-30", ProtectionLevelPercent = 30 },
            _ => Heuristic,
        };

        var release = new SuppressionEngine().Protect([table], policy);

        ReleaseAssertions.AssertSafe(release, [table], policy, wholeNumbers: release.Tables[0].SuppressedCount <= 10);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(release.Tables[0], policy, maxHolders: 6);
    }

    [Fact]
    public void Improvement_never_costs_more_than_the_repaired_pattern_and_usually_less()
    {
        var fewer = 0;
        const int tables = 8;
        for (var seed = 0; seed < tables; seed++)
        {
            var table = TestTables.RandomHierarchical(new Random(3100 + seed), maxCells: 400);
            var problem = ProtectionProblem.FromTables([table], [0]);
            var roles = PrimarySuppression.Classify(problem, Heuristic);
            var (repaired, audit, cuts) = Repair(problem, roles, Heuristic);

            var improved = PatternImprovement.Improve(problem, Heuristic, roles, repaired, audit, cuts, Budget, CancellationToken.None);

            var before = SecondarySuppression.TotalLoss(problem, roles, Heuristic, repaired);
            var after = SecondarySuppression.TotalLoss(problem, roles, Heuristic, improved.Pattern);
            Assert.True(after <= before, $"table {seed}: loss {after} after improving, {before} before");
            Assert.Equal(after < before, improved.Changed);
            Assert.True(improved.Audit.Passed);
            Assert.True(SuppressionAudit.Run(problem, improved.Pattern, Heuristic).Passed, $"table {seed}: the improved pattern fails a full audit");
            ReleaseAssertions.AssertSafe(Release(table, problem, roles, improved.Pattern, Heuristic), [table], Heuristic);
            fewer += improved.Pattern.Count(h => h) < repaired.Count(h => h) ? 1 : 0;
        }

        // Greedy repairs of these tables hide cells a few neighbourhood trades can spare.
        Assert.True(fewer >= tables / 2, $"fewer cells on only {fewer} of {tables} tables");
    }

    [Fact]
    public void The_heuristic_gives_the_same_pattern_every_time()
    {
        var table = TestTables.RandomHierarchical(new Random(3107), maxCells: 400);
        var problem = ProtectionProblem.FromTables([table], [0]);

        var first = PatternSearch.Run(problem, Heuristic, TimeSpan.Zero);
        var second = PatternSearch.Run(problem, Heuristic, TimeSpan.Zero);

        Assert.Equal(first.Suppressed, second.Suppressed);
        Assert.Equal(first.Iterations, second.Iterations);
    }

    [Fact]
    public void A_neighbourhood_model_decides_only_its_free_cells_and_only_cheaper()
    {
        var table = TestTables.RandomHierarchical(new Random(3101), maxCells: 400);
        var problem = ProtectionProblem.FromTables([table], [0]);
        var roles = PrimarySuppression.Classify(problem, Heuristic);

        // Everything that may be hidden is: the model can only spare cells, and only inside the neighbourhood.
        var everything = roles.Select(r => r != CellRole.AlwaysPublished).ToArray();
        var candidates = Enumerable.Range(0, roles.Length).Where(c => roles[c] == CellRole.Candidate).ToArray();
        var free = candidates.Where((_, i) => i % 3 == 0).ToArray();
        var model = new SecondarySuppression(problem, roles, Heuristic, SecondarySuppression.Weights(problem, roles, Heuristic), everything, free);
        model.RequireCheaperThan(everything);

        var solved = model.Solve(30, default, CancellationToken.None);

        Assert.NotNull(solved);
        var inside = free.ToHashSet();
        for (var c = 0; c < solved.Length; c++)
        {
            if (!inside.Contains(c))
            {
                Assert.Equal(everything[c], solved[c]);
            }
        }

        Assert.True(free.Count(c => solved[c]) < free.Length);
    }

    private static readonly ImprovementBudget Budget = new(
        ImprovementBudget.DefaultDeterministicTime, ImprovementBudget.DefaultAuditWork, ImprovementBudget.DefaultFreeCells);

    /// <summary>The plain greedy heuristic, written out here: primaries, relation rules, then one cover of the failures per audit.</summary>
    private static (bool[] Pattern, AuditResult Audit, List<SuppressionCut> Cuts) Repair(ProtectionProblem problem, CellRole[] roles, DisclosurePolicy policy)
    {
        var pattern = roles.Select(r => r == CellRole.Primary).ToArray();
        GreedySuppression.EnforceRelationRules(problem, pattern, policy);
        var cuts = new List<SuppressionCut>();
        while (true)
        {
            var audit = SuppressionAudit.Run(problem, pattern, policy);
            if (audit.Passed)
            {
                return (pattern, audit, cuts);
            }

            cuts.AddRange(audit.Failures.Select(f => f.Cut));
            GreedySuppression.Extend(problem, pattern, audit.Failures, policy);
        }
    }

    private static ProtectedRelease Release(CountTable table, ProtectionProblem problem, CellRole[] roles, bool[] pattern, DisclosurePolicy policy)
    {
        var cells = problem.TableCells(0);
        var status = new CellStatus[table.CellCount];
        int primaries = 0, suppressed = 0;
        for (var c = 0; c < status.Length; c++)
        {
            status[c] = pattern[cells[c]] ? CellStatus.Suppressed : CellStatus.Published;
            suppressed += pattern[cells[c]] ? 1 : 0;
            primaries += roles[cells[c]] == CellRole.Primary ? 1 : 0;
        }

        var summary = new DisclosureSummary(policy.Describe(), policy.Name, primaries, suppressed - primaries, AuditedCells: suppressed);
        return new ProtectedRelease([new ProtectedTable(table, status)], summary);
    }
}
