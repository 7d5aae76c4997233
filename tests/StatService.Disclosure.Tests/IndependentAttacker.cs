using Google.OrTools.LinearSolver;

namespace StatService.Disclosure.Tests;

/// <summary>What the attacker learnt about one suppressed cell (upper is +infinity when unbounded).</summary>
internal sealed record CellInterval(int Cell, double Lower, double Upper);

/// <summary>
/// An attacker written apart from the engine. It knows only the published tables, solves a min and a
/// max linear program for every suppressed cell over all cells of the tables (published cells fixed),
/// and reports where it wins. Margins of an additive table equal the sum of their parts; those of a
/// non-additive one lie between the largest part and the sum. Linked tables (the same persons) are
/// attacked together: cells with the same codes on their common dimensions and totals elsewhere are equal.
/// No presolve, so an unbounded program is reported as such.
/// </summary>
internal static class IndependentAttacker
{
    public static IReadOnlyList<CellInterval> Intervals(PublishedTable table, bool zerosSensitive, IReadOnlyDictionary<int, long>? insiderKnows = null) =>
        Intervals([table], linked: false, zerosSensitive, insiderKnows)[0];

    /// <summary>Per table, the intervals of its suppressed cells; cell numbers are the table's own.</summary>
    public static IReadOnlyList<IReadOnlyList<CellInterval>> Intervals(
        IReadOnlyList<PublishedTable> tables, bool linked, bool zerosSensitive, IReadOnlyDictionary<int, long>? insiderKnows = null)
    {
        using var solver = Solver.CreateSolver("GLOP");
        Assert.True(solver.SetSolverSpecificParametersAsString("use_preprocessing:false"));
        var offsets = new int[tables.Count];
        var x = new List<Variable>();
        for (var t = 0; t < tables.Count; t++)
        {
            offsets[t] = x.Count;
            var table = tables[t];
            for (var c = 0; c < table.CellCount; c++)
            {
                var known = table.Published[c] ?? (t == 0 && insiderKnows is not null && insiderKnows.TryGetValue(c, out var v) ? v : null);
                x.Add(known is { } value
                    ? solver.MakeNumVar(value, value, $"x{t}_{c}")
                    : solver.MakeNumVar(zerosSensitive ? 0 : 1, double.PositiveInfinity, $"x{t}_{c}"));
            }

            foreach (var (total, parts) in table.Equations)
            {
                var row = table.Additive ? solver.MakeConstraint(0, 0) : solver.MakeConstraint(double.NegativeInfinity, 0);
                row.SetCoefficient(x[offsets[t] + total], 1);
                foreach (var part in parts)
                {
                    row.SetCoefficient(x[offsets[t] + part], -1);
                    if (!table.Additive)
                    {
                        var atLeast = solver.MakeConstraint(0, double.PositiveInfinity);
                        atLeast.SetCoefficient(x[offsets[t] + total], 1);
                        atLeast.SetCoefficient(x[offsets[t] + part], -1);
                    }
                }
            }
        }

        if (linked)
        {
            foreach (var (a, b) in SameCells(tables, offsets))
            {
                var equal = solver.MakeConstraint(0, 0);
                equal.SetCoefficient(x[a], 1);
                equal.SetCoefficient(x[b], -1);
            }
        }

        var result = new List<IReadOnlyList<CellInterval>>();
        for (var t = 0; t < tables.Count; t++)
        {
            var intervals = new List<CellInterval>();
            foreach (var cell in tables[t].SuppressedCells)
            {
                if (t == 0 && insiderKnows?.ContainsKey(cell) == true)
                {
                    continue;
                }

                var variable = x[offsets[t] + cell];
                intervals.Add(new CellInterval(cell, Bound(solver, variable, maximise: false), Bound(solver, variable, maximise: true)));
            }

            result.Add(intervals);
        }

        return result;
    }

    /// <summary>Cells the attacker pins (interval narrower than a whole count) or proves below the threshold.</summary>
    public static IReadOnlyList<CellInterval> Wins(IEnumerable<CellInterval> intervals, int threshold) =>
        intervals.Where(i => i.Upper - i.Lower <= 1e-6 || i.Upper < threshold - 1e-6).ToArray();

    /// <summary>
    /// Pairs of cells (release-wide numbers) that count the same persons: a key of the code per dimension name over
    /// all dimensions of the tables, with the total where a table lacks the dimension.
    /// </summary>
    private static IEnumerable<(int, int)> SameCells(IReadOnlyList<PublishedTable> tables, int[] offsets)
    {
        var names = tables.SelectMany(t => t.DimensionNames).Distinct().Order(StringComparer.Ordinal).ToArray();
        var first = new Dictionary<string, int>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            for (var c = 0; c < table.CellCount; c++)
            {
                var coordinates = table.Coordinates(c);
                var key = string.Join("|", names.Select(n =>
                {
                    var d = Array.IndexOf(table.DimensionNames, n);
                    return d < 0 ? "total" : table.Codes[d][coordinates[d]];
                }));
                if (first.TryGetValue(key, out var other))
                {
                    yield return (other, offsets[t] + c);
                }
                else
                {
                    first[key] = offsets[t] + c;
                }
            }
        }
    }

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
