using System.Text.Json;
using Google.OrTools.LinearSolver;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// An attacker holding two releases, written apart from the service: a count published earlier (everyone with X) and a
/// later release's table whose grand total counts a subset of those persons (the men with X). From the later table as
/// delivered (published cells fixed, suppressed ones at least 1 where its rule says zeros are published, every margin the
/// sum of its parts) and the earlier
/// count, it solves for the smallest and largest size the difference (the women) can have.
/// </summary>
internal static class CrossReleaseAttacker
{
    public static (double Lowest, double Highest) Difference(long earlier, JsonElement laterTable, bool zerosPublished = true)
    {
        var dimensions = laterTable.GetProperty("dimensions").EnumerateArray()
            .Select(d => d.GetProperty("codes").EnumerateArray()
                .Select(c => (Code: c.GetProperty("code").GetString()!, Parent: c.GetProperty("parent").GetString()))
                .ToArray())
            .ToArray();
        var cells = laterTable.GetProperty("cells").EnumerateArray()
            .Select(c => (
                Codes: dimensions.Select((_, d) => c.GetProperty("coordinates").EnumerateObject().ElementAt(d).Value.GetString()!).ToArray(),
                Value: c.GetProperty("value").ValueKind == JsonValueKind.Null ? (long?)null : c.GetProperty("value").GetInt64()))
            .ToArray();

        using var solver = Solver.CreateSolver("GLOP");
        var x = cells.ToDictionary(
            c => string.Join('|', c.Codes),
            c => c.Value is { } v ? solver.MakeNumVar(v, v, string.Empty) : solver.MakeNumVar(zerosPublished ? 1 : 0, double.PositiveInfinity, string.Empty));
        foreach (var cell in cells)
        {
            for (var d = 0; d < dimensions.Length; d++)
            {
                var children = dimensions[d].Where(c => c.Parent == cell.Codes[d]).ToArray();
                if (children.Length == 0)
                {
                    continue;
                }

                var sum = solver.MakeConstraint(0, 0);
                sum.SetCoefficient(x[string.Join('|', cell.Codes)], 1);
                foreach (var child in children)
                {
                    var codes = (string[])cell.Codes.Clone();
                    codes[d] = child.Code;
                    sum.SetCoefficient(x[string.Join('|', codes)], -1);
                }
            }
        }

        // The later table's persons are among the earlier ones: their total is at most the earlier count.
        var total = x[string.Join('|', dimensions.Select(_ => "total"))];
        solver.Add(total <= earlier);
        return (Math.Max(0, earlier - Optimise(solver, total, maximise: true)), earlier - Optimise(solver, total, maximise: false));
    }

    private static double Optimise(Solver solver, Variable variable, bool maximise)
    {
        var objective = solver.Objective();
        objective.Clear();
        objective.SetCoefficient(variable, 1);
        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return objective.Value();
    }
}
