using Google.OrTools.LinearSolver;

namespace StatService.Disclosure.Tests;

/// <summary>What the attacker learnt about one suppressed cell (upper is +infinity when unbounded).</summary>
internal sealed record CellInterval(int Cell, double Lower, double Upper);

/// <summary>
/// An attacker written apart from the engine. It knows only the published table, solves a min and a
/// max linear program for every suppressed cell over all cells of the table (published cells fixed),
/// and reports where it wins. No presolve, so an unbounded program is reported as such.
/// </summary>
internal static class IndependentAttacker
{
    public static IReadOnlyList<CellInterval> Intervals(PublishedTable table, bool zerosSensitive, IReadOnlyDictionary<int, long>? insiderKnows = null)
    {
        using var solver = Solver.CreateSolver("GLOP");
        Assert.True(solver.SetSolverSpecificParametersAsString("use_preprocessing:false"));
        var x = new Variable[table.CellCount];
        for (var c = 0; c < x.Length; c++)
        {
            var known = table.Published[c] ?? (insiderKnows is not null && insiderKnows.TryGetValue(c, out var v) ? v : null);
            x[c] = known is { } value
                ? solver.MakeNumVar(value, value, $"x{c}")
                : solver.MakeNumVar(zerosSensitive ? 0 : 1, double.PositiveInfinity, $"x{c}");
        }

        foreach (var (total, parts) in table.Equations)
        {
            var equation = solver.MakeConstraint(0, 0, $"e{total}");
            equation.SetCoefficient(x[total], 1);
            foreach (var part in parts)
            {
                equation.SetCoefficient(x[part], -1);
            }
        }

        var result = new List<CellInterval>();
        foreach (var cell in table.SuppressedCells)
        {
            if (insiderKnows?.ContainsKey(cell) == true)
            {
                continue;
            }

            result.Add(new CellInterval(cell, Bound(solver, x[cell], maximise: false), Bound(solver, x[cell], maximise: true)));
        }

        return result;
    }

    /// <summary>Cells the attacker pins (interval narrower than a whole count) or proves below the threshold.</summary>
    public static IReadOnlyList<CellInterval> Wins(IEnumerable<CellInterval> intervals, int threshold) =>
        intervals.Where(i => i.Upper - i.Lower <= 1e-6 || i.Upper < threshold - 1e-6).ToArray();

    private static double Bound(Solver solver, Variable cell, bool maximise)
    {
        var objective = solver.Objective();
        objective.Clear();
        objective.SetCoefficient(cell, 1);
        objective.SetOptimizationDirection(maximise);
        var status = solver.Solve();
        if (status == Solver.ResultStatus.UNBOUNDED && maximise)
        {
            return double.PositiveInfinity;
        }

        Assert.Equal(Solver.ResultStatus.OPTIMAL, status);
        return objective.Value();
    }
}
