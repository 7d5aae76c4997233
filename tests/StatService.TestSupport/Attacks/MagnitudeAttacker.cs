using System.Globalization;
using Google.OrTools.LinearSolver;

namespace StatService.TestSupport.Attacks;

/// <summary>
/// An attacker on the sums (contacts, dispensings, DDD) of every delivered release of one extract, written apart from the
/// service. Cells that sum the same quantity add up; per quantity, the contributors of all its cells split into atoms (one
/// pattern of membership), each atom's sum an unknown of at least 0, every published sum an equality (hidden sums say
/// nothing more). A group of 1-4 contributors (an atom, or a hidden cell) is disclosed when the programs pin its sum within
/// p %: the largest sum stays below x(1 + p/100) or the smallest above x(1 - p/100), x the true sum. What one release
/// shows on its own is left to that release's dominance rules and reported apart; the finding is what releases show together.
/// </summary>
public static class MagnitudeAttacker
{
    public const int Small = 4;
    private const double Tolerance = 1e-4;

    public static MagnitudeReport Attack(IReadOnlyList<MagnitudeRead> releases, double percent = 10)
    {
        var mismatches = releases.SelectMany(r => r.Mismatches).ToArray();
        if (mismatches.Length > 0)
        {
            return new MagnitudeReport(releases.Count, 0, 0, [], 0, mismatches);
        }

        var findings = new List<AttackFinding>();
        var (atomCount, targetCount, alone) = (0, 0, 0);
        foreach (var quantity in releases.GroupBy(r => r.Quantity, StringComparer.Ordinal))
        {
            var cells = quantity.SelectMany(r => r.Cells).ToArray();
            var atoms = Atoms(cells);
            atomCount += atoms.Count;
            var targets = atoms.Select((a, i) => (Atoms: (IReadOnlyList<int>)[i], Size: a.Persons.Count, What: $"{a.Persons.Count} contributor(s) in exactly {a.Cells.Count} cells"))
                .Where(t => t.Size <= Small)
                .Concat(cells.Select((c, i) => (Atoms: (IReadOnlyList<int>)[.. atoms.Select((a, k) => (a, k)).Where(x => x.a.Cells.Contains(i)).Select(x => x.k)], Size: c.Contributors.Count, What: "hidden cell " + c.Describe()))
                    .Where((t, i) => cells[i].Published is null && t.Size is >= 1 and <= Small && t.Atoms.Count > 1))
                .ToList();
            targetCount += targets.Count;
            using var together = Program(atoms, cells, _ => true);
            foreach (var target in targets)
            {
                var truth = target.Atoms.Sum(a => atoms[a].Sum);
                var (lowest, highest) = Bounds(together, target.Atoms);
                if (!Determined(lowest, highest, truth, percent))
                {
                    continue;
                }

                // Shown by one release alone (its own dominance rules' decision), or only by releases together?
                var byOne = quantity.Any(release =>
                {
                    using var single = Program(atoms, cells, c => c.Release == release.Label);
                    var (low, high) = Bounds(single, target.Atoms);
                    return Determined(low, high, truth, percent);
                });
                if (byOne)
                {
                    alone++;
                    continue;
                }

                findings.Add(new AttackFinding(
                    string.Create(CultureInfo.InvariantCulture, $"sum of {target.Size} contributor(s) determined within {percent} % (true {truth})"), target.Size, lowest, highest,
                    [target.What, .. target.Atoms.SelectMany(a => atoms[a].Cells).Distinct().Order().Select(c => cells[c].Describe())]));
            }
        }

        return new MagnitudeReport(releases.Count, atomCount, targetCount, findings, alone, mismatches);
    }

    private static bool Determined(double lowest, double highest, double truth, double percent) =>
        highest < (truth * (1 + (percent / 100))) - Tolerance || lowest > (truth * (1 - (percent / 100))) + Tolerance;

    private static (double Lowest, double Highest) Bounds(Solver solver, IReadOnlyList<int> atoms) =>
        (Optimise(solver, atoms, maximise: false), Optimise(solver, atoms, maximise: true));

    /// <summary>Atom sums of at least 0; the published sums of the chosen cells as equalities.</summary>
    private static Solver Program(List<Atom> atoms, MagnitudeCell[] cells, Func<MagnitudeCell, bool> chosen)
    {
        var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available.");
        var x = atoms.Select(_ => solver.MakeNumVar(0, double.PositiveInfinity, string.Empty)).ToArray();
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c].Published is not { } sum || !chosen(cells[c]))
            {
                continue;
            }

            var row = solver.MakeConstraint(sum, sum, string.Empty);
            for (var a = 0; a < atoms.Count; a++)
            {
                if (atoms[a].Cells.Contains(c))
                {
                    row.SetCoefficient(x[a], 1);
                }
            }
        }

        return solver;
    }

    private static double Optimise(Solver solver, IReadOnlyList<int> atoms, bool maximise)
    {
        var objective = solver.Objective();
        objective.Clear();
        var variables = solver.variables();
        foreach (var a in atoms)
        {
            objective.SetCoefficient(variables[a], 1);
        }

        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL && status != Solver.ResultStatus.UNBOUNDED)
        {
            // GLOP's presolve can misjudge an unbounded program: once more from scratch without it.
            solver.Reset();
            using var fresh = new MPSolverParameters();
            fresh.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
            status = solver.Solve(fresh);
        }

        return status switch
        {
            Solver.ResultStatus.OPTIMAL => objective.Value(),
            Solver.ResultStatus.UNBOUNDED => double.PositiveInfinity,
            _ => throw new InvalidOperationException($"The attacker's program ended {status}: the releases and the recomputed sums disagree."),
        };
    }

    /// <summary>The contributors of every cell, grouped by the set of cells each is in, with their summed values.</summary>
    private static List<Atom> Atoms(MagnitudeCell[] cells)
    {
        var membership = new Dictionary<string, (List<int> Cells, long Value)>(StringComparer.Ordinal);
        for (var c = 0; c < cells.Length; c++)
        {
            foreach (var (pnr, value) in cells[c].Contributors)
            {
                if (!membership.TryGetValue(pnr, out var entry))
                {
                    membership[pnr] = entry = ([], value);
                }

                entry.Cells.Add(c);
            }
        }

        var atoms = new Dictionary<string, Atom>(StringComparer.Ordinal);
        foreach (var (pnr, (list, value)) in membership.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var key = string.Join(',', list.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            if (!atoms.TryGetValue(key, out var atom))
            {
                atoms[key] = atom = new Atom(list.ToHashSet(), []);
            }

            atom.Persons.Add(pnr);
            atom.Sum += value;
        }

        return [.. atoms.Values];
    }

    private sealed record Atom(IReadOnlySet<int> Cells, List<string> Persons)
    {
        public long Sum { get; set; }
    }
}

/// <summary>What the magnitude attacker did and found; <see cref="ShownByOneRelease"/> counts small sums one release determines on its own.</summary>
public sealed record MagnitudeReport(
    int Releases, int Atoms, int Targets, IReadOnlyList<AttackFinding> Findings, int ShownByOneRelease, IReadOnlyList<string> Mismatches)
{
    public string Describe() =>
        $"{Releases} releases of sums, {Atoms} atoms, {Targets} small targets ({ShownByOneRelease} determined by one release alone): " +
        $"{Findings.Count} disclosed sum(s)" + (Findings.Count == 0 ? "." : ":\n  " + string.Join("\n  ", Findings)) +
        (Mismatches.Count == 0 ? string.Empty : $"\n{Mismatches.Count} published sum(s) the recomputation does not explain:\n  " + string.Join("\n  ", Mismatches.Take(20)));
}
