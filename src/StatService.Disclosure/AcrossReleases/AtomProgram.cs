using Google.OrTools.LinearSolver;
using StatService.Core.Disclosure;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// The attacker's knowledge over atoms as one linear program (GLOP), built once and re-solved with other objectives or
/// with one side's rows relaxed: x_a &gt;= 0 persons in atom a; each cell a reader knows something of bounds the sum of
/// its atoms. Targets (small atoms, small hidden cells) get y_t &lt;= sum of their atoms and y_t &lt;= threshold, so one
/// program can show many targets reaching the threshold at once. Variables are capped (generously) so every program is
/// bounded; the cap only narrows what the attacker may assume, so it can make the audit stricter, never laxer.
/// </summary>
internal sealed class AtomProgram : IDisposable
{
    private const double Tolerance = 1e-6;
    private readonly Solver _solver;
    private readonly Variable[] _atoms;
    private readonly Variable[] _reach;
    private readonly List<KnownRow> _rows = [];
    private readonly int[][] _targets;
    private readonly double _threshold;
    private readonly double _cap;

    public AtomProgram(int atomCount, double cap, IReadOnlyList<int[]> targets, double threshold)
    {
        _solver = Solver.CreateSolver("GLOP") ?? throw new DisclosureException("The linear-programming solver for the ledger audit is not available.");
        // Without presolve each re-solve starts from the last optimal basis.
        if (!_solver.SetSolverSpecificParametersAsString("use_preprocessing:false"))
        {
            throw new DisclosureException("The ledger audit's linear-programming solver rejected its parameters.");
        }

        _threshold = threshold;
        _cap = cap;
        _targets = [.. targets];
        _atoms = new Variable[atomCount];
        for (var a = 0; a < atomCount; a++)
        {
            _atoms[a] = _solver.MakeNumVar(0, cap, string.Empty);
        }

        // Every target, one small atom included, gets its own y_t: capping the atom itself at the threshold instead halves
        // the program, but each group program then moves other atoms' bounds, and an atom left at its old cap makes the
        // warm start's basis infeasible. With y_t only y's bounds move, and lowering y keeps y_t <= sum feasible: over 47
        // grammar orders the simplex needed 29 % fewer iterations with the same outcomes.
        _reach = new Variable[_targets.Length];
        for (var t = 0; t < _targets.Length; t++)
        {
            _reach[t] = _solver.MakeNumVar(0, 0, string.Empty);
            var link = _solver.MakeConstraint(double.NegativeInfinity, 0, string.Empty);
            link.SetCoefficient(_reach[t], 1);
            foreach (var a in _targets[t])
            {
                link.SetCoefficient(_atoms[a], -1);
            }
        }
    }

    public int Programs { get; private set; }

    /// <summary>Simplex iterations over every solve: the audit's work, the same on any machine for the same program.</summary>
    public long Iterations { get; private set; }

    /// <summary>
    /// Cells over the same atoms on one side (earlier, this release's published, this release's hidden), known to lie in
    /// [low, high]: one row, the intersection of their intervals. Duplicates only slow the solver, and a binding row then
    /// names every published cell that would have to go, not one of several copies.
    /// </summary>
    /// <param name="floorIfHidden">The row's lower bound once its cells are hidden (what a reader still knows).</param>
    public void Add(int[] atoms, long low, long? high, IReadOnlyList<KnownCell> owners, long floorIfHidden)
    {
        var row = _solver.MakeConstraint(low, high ?? double.PositiveInfinity, string.Empty);
        foreach (var a in atoms)
        {
            row.SetCoefficient(_atoms[a], 1);
        }

        _rows.Add(new KnownRow(row, atoms, owners, floorIfHidden) { Low = low, High = high });
    }

    /// <summary>
    /// The rows of these cells of this release as if they were hidden, for the rest of this audit: what is pinned only
    /// through cells already blamed needs no other cell hidden. Relaxing only widens the programs, so a target already
    /// in reach stays in reach.
    /// </summary>
    public void Relax(IReadOnlyCollection<KnownCell> cells)
    {
        foreach (var row in _rows)
        {
            if (row.IsNewPublished && row.Owners.Any(cells.Contains))
            {
                row.Low = row.FloorIfHidden;
                row.High = null;
            }
        }
    }

    /// <summary>Targets among <paramref name="open"/> that reach the threshold together in one solution of the program.</summary>
    public List<int> ReachTogether(IReadOnlyCollection<int> open)
    {
        var objective = _solver.Objective();
        objective.Clear();
        Uncap();
        Keep(keepNew: true);
        var rank = 0;
        foreach (var t in open)
        {
            // Distinct weights break the ties between targets that compete for the same persons: the optimum lifts some
            // of them whole instead of many part of the way, and only whole lifts clear a target.
            var weight = 2.0 - ((double)rank++ / open.Count);
            _reach[t].SetUb(_threshold);
            objective.SetCoefficient(_reach[t], weight);
        }

        objective.SetMaximization();
        Solve();
        return ReachedInLastSolution(open);
    }

    /// <summary>Every target's variable back at zero.</summary>
    private void Uncap()
    {
        foreach (var reach in _reach)
        {
            reach.SetUb(0);
        }
    }

    /// <summary>The largest count target <paramref name="t"/> can have; without <paramref name="keepNew"/>, the new release's rows relaxed.</summary>
    public double Max(int t, bool keepNew = true) => Optimise(t, keepNew, maximise: true);

    /// <summary>The smallest sum target <paramref name="t"/> can have (magnitudes: the lower protection level); as <see cref="Max"/>.</summary>
    public double Min(int t, bool keepNew = true) => Optimise(t, keepNew, maximise: false);

    private double Optimise(int t, bool keepNew, bool maximise)
    {
        Uncap();

        Keep(keepNew);
        var objective = _solver.Objective();
        objective.Clear();
        foreach (var a in _targets[t])
        {
            objective.SetCoefficient(_atoms[a], 1);
        }

        if (maximise)
        {
            objective.SetMaximization();
        }
        else
        {
            objective.SetMinimization();
        }

        Solve();
        return objective.Value();
    }

    /// <summary>The new release's published cells whose rows hold the last program's optimum down (non-zero duals).</summary>
    public IEnumerable<KnownCell> BindingNewCells() =>
        _rows.Where(r => r.IsNewPublished && Math.Abs(r.Constraint.DualValue()) > Tolerance).SelectMany(r => r.Owners);

    /// <summary>
    /// After a program found a target pinned: the new release's published cells to hide for it (those its optimum leans on;
    /// for a degenerate optimum whose duals name none, the published cells over any of the target's atoms), added to
    /// <paramref name="toHide"/> and relaxed for the rest of the audit. False when no cell of this release can be blamed.
    /// </summary>
    public bool Blame(IEnumerable<int> targetAtoms, IEnumerable<(int[] Atoms, KnownCell Owner)> rows, ISet<(string Table, int Cell)> toHide)
    {
        var binding = BindingNewCells().ToList();
        if (binding.Count == 0)
        {
            var target = targetAtoms.ToHashSet();
            binding = [.. rows.Where(r => r.Owner is { IsNew: true, Hidden: false } && r.Atoms.Any(target.Contains)).Select(r => r.Owner)];
        }

        foreach (var cell in binding)
        {
            toHide.Add((cell.Table, cell.Cell));
        }

        Relax(binding);
        return binding.Count > 0;
    }

    /// <summary>The earlier releases' rows as known; the new release's as known or relaxed to nothing.</summary>
    private void Keep(bool keepNew)
    {
        foreach (var row in _rows)
        {
            var keep = !row.IsNew || keepNew;
            row.Constraint.SetBounds(keep ? row.Low : double.NegativeInfinity, keep ? row.High ?? double.PositiveInfinity : double.PositiveInfinity);
        }
    }

    /// <summary>The last program's optimum: a size for every atom.</summary>
    public double[] Solution() => [.. _atoms.Select(a => a.SolutionValue())];

    /// <summary>Whether <paramref name="point"/> satisfies every row as known (none relaxed), within the solver's tolerance.</summary>
    public bool Admits(double[] point)
    {
        if (point.Length != _atoms.Length || point.Any(x => x < -Tolerance || x > _cap + Tolerance))
        {
            return false;
        }

        foreach (var row in _rows)
        {
            var sum = 0.0;
            foreach (var a in row.Atoms)
            {
                sum += point[a];
            }

            var slack = Tolerance * Math.Max(1, Math.Abs(sum));
            if (sum < row.Low - slack || (row.High is { } high && sum > high + slack))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Targets among <paramref name="open"/> that reach the threshold at <paramref name="point"/>.</summary>
    public List<int> ReachedAt(double[] point, IEnumerable<int> open) =>
        open.Where(t => _targets[t].Sum(a => point[a]) >= _threshold - Tolerance).ToList();

    public bool Reaches(double value) => value >= _threshold - Tolerance;

    /// <summary>Targets among <paramref name="open"/> that reach the threshold in the last program's solution.</summary>
    public List<int> ReachedInLastSolution(IEnumerable<int> open) =>
        open.Where(t => _targets[t].Sum(a => _atoms[a].SolutionValue()) >= _threshold - Tolerance).ToList();

    private void Solve()
    {
        Programs++;
        var status = _solver.Solve();
        Iterations += _solver.Iterations();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            // Warm starts can stall GLOP after bounds change, and its presolve can misjudge a program's status: a cold
            // solve of the same program without presolve is the fallback.
            _solver.Reset();
            using var cold = new MPSolverParameters();
            cold.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)MPSolverParameters.PresolveValues.PRESOLVE_OFF);
            status = _solver.Solve(cold);
            Iterations += _solver.Iterations();
        }

        if (status != Solver.ResultStatus.OPTIMAL)
        {
            // The true counts satisfy every row, so the program is feasible and (capped) bounded: anything else is a fault.
            throw new DisclosureException($"The ledger audit's linear program ended {status}; nothing was released.");
        }
    }

    public void Dispose() => _solver.Dispose();

    private sealed record KnownRow(Constraint Constraint, int[] Atoms, IReadOnlyList<KnownCell> Owners, long FloorIfHidden)
    {
        public long Low { get; set; }

        public long? High { get; set; }

        public bool IsNew => Owners[0].IsNew;

        public bool IsNewPublished => Owners[0] is { IsNew: true, Hidden: false };
    }
}

/// <summary>A cell behind a row of <see cref="AtomProgram"/>: whose release, which table and position, hidden or not.</summary>
internal sealed record KnownCell(bool IsNew, string Table, int Cell, bool Hidden);
