using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// The optimal method starts from the improved heuristic pattern and releases the cheaper of the two, by the loss the
/// model minimises; every limit that decides its pattern counts work, so it repeats exactly; the wall clock only fails it.
/// </summary>
public class OptimalMethodTests
{
    private static readonly DisclosurePolicy Optimal = DisclosurePolicy.DanishDefault with { SolverTimeLimit = TimeSpan.FromSeconds(1) };

    public static TheoryData<int, string> Tables() => new()
    {
        { 4100, "count" }, { 4101, "value" }, { 4102, "count" }, { 4103, "value" }, { 4104, "count" }, { 4105, "value" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Is_never_worse_than_the_heuristic_by_its_own_loss_and_withstands_the_attacker(int seed, string loss)
    {
        var table = TestTables.RandomHierarchical(new Random(seed), maxCells: 500);
        var policy = Optimal with { Loss = loss == "value" ? InformationLoss.CellValue : InformationLoss.CellCount };
        var problem = ProtectionProblem.FromTables([table], [0]);

        var optimal = PatternSearch.Run(problem, policy, policy.SolverTimeLimit);
        var heuristic = PatternSearch.Run(problem, policy, TimeSpan.Zero);

        var optimalLoss = SecondarySuppression.TotalLoss(problem, optimal.Roles, policy, optimal.Suppressed);
        var heuristicLoss = SecondarySuppression.TotalLoss(problem, heuristic.Roles, policy, heuristic.Suppressed);
        Assert.True(optimalLoss <= heuristicLoss, $"optimal {optimalLoss}, heuristic {heuristicLoss}");
        var release = new SuppressionEngine().Protect([table], policy);
        var cells = problem.TableCells(0);
        Assert.Equal(cells.ToArray().Select(c => optimal.Suppressed[c]), release.Tables[0].Status.Select(s => s == CellStatus.Suppressed));
        ReleaseAssertions.AssertSafe(release, [table], policy);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(release.Tables[0], policy, maxHolders: 6);
    }

    [Fact]
    public void Gives_the_same_pattern_after_the_same_work_every_time()
    {
        var table = TestTables.RandomHierarchical(new Random(4107), maxCells: 600);
        var problem = ProtectionProblem.FromTables([table], [0]);

        var first = PatternSearch.Run(problem, Optimal, Optimal.SolverTimeLimit);
        var second = PatternSearch.Run(problem, Optimal, Optimal.SolverTimeLimit);

        Assert.Equal(first.Suppressed, second.Suppressed);
        Assert.Equal((first.Iterations, first.Cuts, first.Audit.LinearProgramsSolved), (second.Iterations, second.Cuts, second.Audit.LinearProgramsSolved));
    }

    [Fact]
    public void A_release_the_wall_clock_guard_stops_fails_instead_of_releasing_another_pattern()
    {
        var table = TestTables.RandomHierarchical(new Random(4108), maxCells: 400);
        var problem = ProtectionProblem.FromTables([table], [0]);

        var failure = Assert.Throws<DisclosureException>(() =>
            WallClockGuard.Run(TimeSpan.Zero, CancellationToken.None, token => PatternSearch.Search(problem, Optimal, 1, PatternSearch.DefaultBoundsCellLimit, token)));

        Assert.Contains("nothing was released", failure.Message, StringComparison.Ordinal);
    }
}
