using System.Globalization;
using Google.OrTools.LinearSolver;

namespace StatService.TestSupport.Attacks;

/// <summary>
/// An attacker holding every delivered release of one extract, written apart from the service. Every cell (inner cells
/// and margins, published or hidden) is a set of persons; the union of all cells' persons splits into atoms, the persons
/// that share one pattern of membership over all cells. Its own linear programs (GLOP) have one unknown per atom, its
/// size x_a >= 0; each cell's atoms sum to what the reader knows of the cell (the published value, an interval for
/// rounded or perturbed values, at least 1 for a hidden cell where zeros are published). A group of 1-4 persons is
/// disclosed when an atom, or a hidden cell, of true size 1-4 can be at most below 5: pinned or provably small.
/// </summary>
/// <remarks>
/// Atoms are those the registers actually fill: the attacker is granted the knowledge of which combinations of criteria
/// occur, which a real one would have to guess, so it is at least as strong as a reader of the releases.
/// </remarks>
public static class ReleaseSetAttacker
{
    public const int Threshold = 5;
    private const double Tolerance = 1e-4;

    public static AttackReport Attack(IReadOnlyList<ReleaseRead> releases)
    {
        var cells = releases.SelectMany(r => r.Cells).ToArray();
        var atoms = Atoms(cells);
        var mismatches = releases.SelectMany(r => r.Mismatches).ToArray();
        if (mismatches.Length > 0)
        {
            // Published numbers the recomputed persons do not explain: no program over them would mean anything.
            return new AttackReport(releases.Count, cells.Length, atoms.Count, 0, 0, [], mismatches);
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available.");
        var x = atoms.Select(_ => solver.MakeNumVar(0, double.PositiveInfinity, string.Empty)).ToArray();
        var atomsOf = new List<int>[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            atomsOf[c] = [];
        }

        for (var a = 0; a < atoms.Count; a++)
        {
            foreach (var c in atoms[a].Cells)
            {
                atomsOf[c].Add(a);
            }
        }

        for (var c = 0; c < cells.Length; c++)
        {
            var constraint = solver.MakeConstraint(cells[c].Low, cells[c].High, string.Empty);
            foreach (var a in atomsOf[c])
            {
                constraint.SetCoefficient(x[a], 1);
            }
        }

        // Targets: atoms and hidden cells of true size 1-4; a published count 1-4 is disclosed as it stands.
        var findings = new List<AttackFinding>();
        var targets = new List<Target>();
        for (var a = 0; a < atoms.Count; a++)
        {
            if (atoms[a].Persons.Count < Threshold)
            {
                targets.Add(new Target(true, a, [a]));
            }
        }

        for (var c = 0; c < cells.Length; c++)
        {
            var size = cells[c].Persons.Count;
            if (size is > 0 and < Threshold)
            {
                if (cells[c].Hidden)
                {
                    targets.Add(new Target(false, c, atomsOf[c]));
                }
                else if (cells[c].Low == cells[c].High)
                {
                    findings.Add(new AttackFinding("published small count", size, size, size, [cells[c].Describe()]));
                }
            }
        }

        var open = Batched(solver, x, targets);
        var solved = 0;
        foreach (var target in open)
        {
            var highest = Optimise(solver, x, target.Atoms, maximise: true);
            solved++;
            if (highest < Threshold - Tolerance)
            {
                var lowest = Optimise(solver, x, target.Atoms, maximise: false);
                findings.Add(target.IsAtom
                    ? new AttackFinding(highest - lowest < 1 - Tolerance ? "pinned group" : "provably small group", atoms[target.Index].Persons.Count, lowest, highest,
                        atoms[target.Index].Cells.Select(c => cells[c].Describe()).Prepend($"persons in exactly these {atoms[target.Index].Cells.Count} cells:").ToArray())
                    : new AttackFinding(highest - lowest < 1 - Tolerance ? "pinned hidden cell" : "provably small hidden cell", cells[target.Index].Persons.Count, lowest, highest,
                        [cells[target.Index].Describe()]));
            }
        }

        return new AttackReport(releases.Count, cells.Length, atoms.Count, targets.Count, solved, findings, mismatches);
    }

    /// <summary>
    /// Clears many targets per program: maximise the sum of y_t with y_t at most the target's size and at most 5. A target
    /// whose y reaches 5 can be 5 or more; the rest go round again until a round clears none, then are solved one by one.
    /// </summary>
    private static List<Target> Batched(Solver solver, Variable[] x, List<Target> targets)
    {
        var open = targets.ToList();
        while (open.Count > 1)
        {
            var objective = solver.Objective();
            objective.Clear();
            var y = new Variable[open.Count];
            var links = new Constraint[open.Count];
            for (var t = 0; t < open.Count; t++)
            {
                y[t] = solver.MakeNumVar(0, Threshold, string.Empty);
                links[t] = solver.MakeConstraint(double.NegativeInfinity, 0, string.Empty);
                links[t].SetCoefficient(y[t], 1);
                foreach (var a in open[t].Atoms)
                {
                    links[t].SetCoefficient(x[a], -1);
                }

                objective.SetCoefficient(y[t], 1);
            }

            objective.SetMaximization();
            Check(Solve(solver));
            var still = new List<Target>();
            for (var t = 0; t < open.Count; t++)
            {
                if (y[t].SolutionValue() < Threshold - Tolerance)
                {
                    still.Add(open[t]);
                }
            }

            // Retire this round's helpers: y fixed at 0 and free of every link.
            for (var t = 0; t < open.Count; t++)
            {
                y[t].SetBounds(0, 0);
                links[t].SetBounds(double.NegativeInfinity, double.PositiveInfinity);
                objective.SetCoefficient(y[t], 0);
            }

            if (still.Count == open.Count)
            {
                break;
            }

            open = still;
        }

        return open;
    }

    private static double Optimise(Solver solver, Variable[] x, IReadOnlyList<int> atoms, bool maximise)
    {
        var objective = solver.Objective();
        objective.Clear();
        foreach (var a in atoms)
        {
            objective.SetCoefficient(x[a], 1);
        }

        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        var status = Solve(solver);
        if (status == Solver.ResultStatus.UNBOUNDED)
        {
            return double.PositiveInfinity;
        }

        Check(status);
        return objective.Value();
    }

    /// <summary>
    /// Solves, and once more from scratch without presolve when that ends anything but optimal or unbounded: GLOP's
    /// presolve can call an unbounded program infeasible, and a warm start from the last basis can stall.
    /// </summary>
    private static Solver.ResultStatus Solve(Solver solver)
    {
        var status = solver.Solve();
        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.UNBOUNDED)
        {
            return status;
        }

        solver.Reset();
        using var fresh = new MPSolverParameters();
        fresh.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
        status = solver.Solve(fresh);
        return status;
    }

    private static void Check(Solver.ResultStatus status)
    {
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"The attacker's program ended {status}: the releases and the recomputed persons disagree.");
        }
    }

    /// <summary>The persons of every cell, grouped by the set of cells each is in.</summary>
    private static List<Atom> Atoms(IReadOnlyList<ReleaseCell> cells)
    {
        var membership = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < cells.Count; c++)
        {
            foreach (var pnr in cells[c].Persons)
            {
                if (!membership.TryGetValue(pnr, out var list))
                {
                    membership[pnr] = list = [];
                }

                list.Add(c);
            }
        }

        var atoms = new Dictionary<string, Atom>(StringComparer.Ordinal);
        foreach (var (pnr, list) in membership)
        {
            var key = string.Join(',', list.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            if (!atoms.TryGetValue(key, out var atom))
            {
                atoms[key] = atom = new Atom(list, []);
            }

            atom.Persons.Add(pnr);
        }

        return atoms.Values.ToList();
    }

    private sealed record Atom(IReadOnlyList<int> Cells, List<string> Persons);

    private sealed record Target(bool IsAtom, int Index, IReadOnlyList<int> Atoms);
}

/// <summary>A group of 1-4 persons the releases disclose: what it is, its true size, the attacker's bounds, the cells that show it.</summary>
public sealed record AttackFinding(string Kind, int TrueSize, double Lowest, double Highest, IReadOnlyList<string> Cells)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} of {TrueSize} (attacker: {Lowest:0.##}-{Highest:0.##}): ") + string.Join("; ", Cells.Take(8)) +
        (Cells.Count > 8 ? $"; ... ({Cells.Count - 8} more)" : string.Empty);
}

/// <summary>What the attacker did and found; <see cref="Mismatches"/> lists published numbers its recomputed persons do not explain.</summary>
public sealed record AttackReport(
    int Releases, int Cells, int Atoms, int Targets, int SolvedOneByOne, IReadOnlyList<AttackFinding> Findings, IReadOnlyList<string> Mismatches)
{
    public string Describe() =>
        $"{Releases} releases, {Cells} cells, {Atoms} atoms, {Targets} small targets ({SolvedOneByOne} solved one by one): " +
        $"{Findings.Count} disclosed group(s)" + (Findings.Count == 0 ? "." : ":\n  " + string.Join("\n  ", Findings)) +
        (Mismatches.Count == 0 ? string.Empty : $"\n{Mismatches.Count} published number(s) the recomputed persons do not explain:\n  " + string.Join("\n  ", Mismatches.Take(20)));
}
