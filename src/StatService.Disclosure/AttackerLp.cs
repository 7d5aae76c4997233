using Google.OrTools.LinearSolver;
using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The attacker's knowledge as one linear program (GLOP), built once per pattern and re-solved
/// with only the objective changed. Published cells are constants, so the program holds just the
/// suppressed cells and the relations that touch them. Every suppressed cell lies in
/// [attacker's lower bound, cap]: the generous cap keeps every program bounded (an unbounded one
/// gives no solution to learn from), and a cell reaching it counts as having no ceiling. The cap only
/// shrinks what the attacker may assume, so it can make the audit stricter, never laxer.
/// </summary>
internal sealed class AttackerLp : IDisposable
{
    private readonly ProtectionProblem _problem;
    private readonly Solver _solver;
    private readonly Objective _objective;
    private readonly Variable[] _variables;
    private readonly int[] _cells;
    private readonly Constraint[] _rows;
    private readonly int[] _rowStart;
    private readonly int[] _rowCells;
    private readonly double[] _rowCoefficients;
    private readonly Dictionary<int, double> _reducedCost;
    private readonly SuppressedComponents _components;
    private readonly int _component;
    private readonly double _lowerBound;
    private const int Several = -2;
    private int _target = -1;
    private List<double[]>? _solutions;

    // Kept solutions stop here (32 MB): on large components they only save programs, and memory must stay bounded.
    private const int MaxKeptValues = 4_000_000;

    /// <summary>
    /// The program over the suppressed cells of component <paramref name="k"/>. The other suppressed cells share no
    /// relation with them, so they never enter it.
    /// </summary>
    public AttackerLp(ProtectionProblem problem, SuppressedComponents components, int k, DisclosurePolicy policy)
    {
        _problem = problem;
        _components = components;
        _component = k;
        Cap = 10.0 * (problem.MaxValue + policy.Threshold);
        _solver = Solver.CreateSolver("GLOP") ?? throw new DisclosureException("The linear-programming solver for the audit is not available.");
        // Without presolve each re-solve starts from the last optimal basis: only the objective changes.
        if (!_solver.SetSolverSpecificParametersAsString("use_preprocessing:false"))
        {
            throw new DisclosureException("The audit's linear-programming solver rejected its parameters.");
        }

        _objective = _solver.Objective();
        _reducedCost = new Dictionary<int, double>();
        var lowerBound = _lowerBound = RelationRules.AttackerLowerBound(policy);
        _cells = components.Cells(k).ToArray();
        _variables = new Variable[_cells.Length];
        for (var v = 0; v < _variables.Length; v++)
        {
            _variables[v] = _solver.MakeNumVar(lowerBound, Cap, string.Empty);
        }

        // Only the relations that touch the component, in a fixed order.
        var relations = new SortedSet<int>();
        foreach (var cell in _cells)
        {
            foreach (var r in problem.RelationsOf(cell))
            {
                relations.Add(r);
            }
        }

        var rows = new List<Constraint>();
        var rowStart = new List<int> { 0 };
        var rowCells = new List<int>();
        var rowCoefficients = new List<double>();
        foreach (var r in relations)
        {
            var relation = problem.RelationCells(r);
            if (problem.IsAdditive(r))
            {
                // total - sum(parts) = 0
                AddRow(relation, i => i == 0 ? 1 : -1, 0, 0);
                continue;
            }

            // Persons may sit in several parts: largest part <= total <= sum(parts).
            AddRow(relation, i => i == 0 ? 1 : -1, double.NegativeInfinity, 0);
            for (var i = 1; i < relation.Length; i++)
            {
                AddRow([relation[0], relation[i]], j => j == 0 ? 1 : -1, 0, double.PositiveInfinity);
            }
        }

        _rows = rows.ToArray();
        _rowStart = rowStart.ToArray();
        _rowCells = rowCells.ToArray();
        _rowCoefficients = rowCoefficients.ToArray();

        void AddRow(ReadOnlySpan<int> cells, Func<int, double> coefficient, double lower, double upper)
        {
            var hidden = false;
            var published = 0.0;
            for (var i = 0; i < cells.Length; i++)
            {
                var isHidden = VariableOf(cells[i]) >= 0;
                hidden |= isHidden;
                published += isHidden ? 0 : coefficient(i) * problem.Values[cells[i]];
            }

            if (!hidden)
            {
                return;
            }

            // The published cells move to the bounds.
            var row = _solver.MakeConstraint(lower - published, upper - published, string.Empty);
            for (var i = 0; i < cells.Length; i++)
            {
                if (VariableOf(cells[i]) is var v and >= 0)
                {
                    row.SetCoefficient(_variables[v], coefficient(i));
                }

                rowCells.Add(cells[i]);
                rowCoefficients.Add(coefficient(i));
            }

            rows.Add(row);
            rowStart.Add(rowCells.Count);
        }
    }

    /// <summary>The ceiling every suppressed cell is held under; reaching it means no real ceiling.</summary>
    public double Cap { get; }

    public int VariableCount => _variables.Length;

    /// <summary>The least value the attacker gives a suppressed cell.</summary>
    public double LowerBound => _lowerBound;

    public int SolveCount { get; private set; }

    /// <summary>Every solution since <see cref="KeepSolutions"/>, each a table the attacker without insider knowledge cannot rule out.</summary>
    public IReadOnlyList<double[]> Solutions => _solutions ?? [];

    /// <summary>Keeps every later solution in <see cref="Solutions"/>: a table that fits what an insider knows is a witness for them too.</summary>
    public void KeepSolutions() => _solutions ??= [];

    public int CellOf(int variable) => _cells[variable];

    /// <summary>The variable of a suppressed cell, -1 for a published one.</summary>
    public int VariableOf(int cell) => _components.IndexOf(cell, _component);

    /// <summary>Gives the attacker one more fact: the value of a suppressed cell (an insider's own cell).</summary>
    public void Know(int variable, double value) => _variables[variable].SetBounds(value, value);

    /// <summary>Takes back <see cref="Know"/>.</summary>
    public void Forget(int variable) => _variables[variable].SetBounds(_lowerBound, Cap);

    /// <summary>The largest or smallest value the attacker can give the cell of <paramref name="variable"/>.</summary>
    public double Optimise(int variable, bool maximise)
    {
        if (_target != variable)
        {
            if (_target >= 0)
            {
                _objective.SetCoefficient(_variables[_target], 0);
            }
            else if (_target == Several)
            {
                _objective.Clear();
            }

            _objective.SetCoefficient(_variables[variable], 1);
            _target = variable;
        }

        _objective.SetOptimizationDirection(maximise);
        return Solve();
    }

    /// <summary>
    /// Like <see cref="Optimise"/>, but with every variable of <paramref name="spared"/> pulled towards the attacker's
    /// floor by a small weight: among the tables that push the cell far, one that leaves those cells where they are
    /// (at the floor, as singletons are). The cell's own extreme may be given up a little for it; callers use the
    /// solution as a witness table, never as the bound.
    /// </summary>
    public void OptimiseSparing(int variable, bool maximise, IReadOnlyList<int> spared)
    {
        const double weight = 1e-3;
        _objective.Clear();
        foreach (var k in spared)
        {
            _objective.SetCoefficient(_variables[k], maximise ? -weight : weight);
        }

        _objective.SetCoefficient(_variables[variable], 1);
        _target = Several;
        _objective.SetOptimizationDirection(maximise);
        Solve();
    }

    /// <summary>
    /// Moves all the given cells at once: all up in round 0, all down in round 1, then along directions that
    /// differ from round to round (a fixed pseudo-random sign per cell, so audits repeat exactly). Nobody needs
    /// the optimum itself: the solution is a table the attacker cannot rule out, and one such table pushes many
    /// cells away from their true values at a time.
    /// </summary>
    public void Scatter(ReadOnlySpan<int> variables, int round)
    {
        _objective.Clear();
        foreach (var v in variables)
        {
            var hash = unchecked((uint)(v * 2654435761u) ^ (uint)(round * 40503u));
            var up = round switch { 0 => true, 1 => false, _ => (hash >> 7 & 1) == 0 };
            _objective.SetCoefficient(_variables[v], up ? 1 : -1);
        }

        _target = Several;
        _objective.SetOptimizationDirection(true);
        Solve();
    }

    private double Solve()
    {
        var status = _solver.Solve();
        SolveCount++;
        AuditCounters.CountProgram();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            // The true table is feasible and every cell is capped, so anything else is a solver fault.
            throw new DisclosureException($"The audit's linear program ended with status {status}; the release cannot be verified.");
        }

        if (_solutions is not null && (_solutions.Count + 1) * _variables.Length <= MaxKeptValues)
        {
            var table = new double[_variables.Length];
            for (var v = 0; v < table.Length; v++)
            {
                table[v] = _variables[v].SolutionValue();
            }

            _solutions.Add(table);
        }

        return _objective.Value();
    }

    /// <summary>The value of a variable in the last solution: a table the attacker cannot rule out.</summary>
    public double Value(int variable) => _variables[variable].SolutionValue();

    /// <summary>
    /// What suppressing each published cell could do to the last bound, as a share of
    /// <paramref name="need"/> (the distance the bound must move), added to <paramref name="gains"/>.
    /// With the last dual solution y fixed, the bound is y'b plus the sum of reduced cost times value
    /// over the cells. Suppressing a published cell j frees its value: if its reduced cost points the
    /// bound's way, the cell can grow without limit and the bound breaks; otherwise the cell can only
    /// shrink to the attacker's lower bound and the bound moves by |reduced cost| times that. A pattern
    /// that moves the bound less than <paramref name="need"/> leaves the cell exposed, whatever else it hides.
    /// </summary>
    public void AddUnfixingGains(ReadOnlySpan<bool> suppressed, DisclosurePolicy policy, bool maximise, double need, SortedDictionary<int, double> gains)
    {
        const double zero = 1e-9;
        var values = _problem.Values;
        var lowerBound = RelationRules.AttackerLowerBound(policy);
        var touched = new List<int>();
        for (var k = 0; k < _rows.Length; k++)
        {
            var dual = _rows[k].DualValue();
            if (Math.Abs(dual) <= zero)
            {
                continue;
            }

            for (var i = _rowStart[k]; i < _rowStart[k + 1]; i++)
            {
                var c = _rowCells[i];
                if (suppressed[c])
                {
                    continue;
                }

                if (!_reducedCost.TryGetValue(c, out var reducedCost))
                {
                    touched.Add(c);
                }

                // Reduced cost of a published cell: its objective coefficient (0) minus its column times y.
                _reducedCost[c] = reducedCost - _rowCoefficients[i] * dual;
            }
        }

        foreach (var c in touched)
        {
            var reducedCost = _reducedCost[c];
            if (Math.Abs(reducedCost) <= zero || !PrimarySuppression.CanBeSuppressed(values[c], policy))
            {
                continue;
            }

            var unlimited = (maximise ? reducedCost : -reducedCost) > 0;
            var gain = unlimited ? 1.0 : Math.Min(1.0, Math.Abs(reducedCost) * (values[c] - lowerBound) / need);
            if (gain > 0)
            {
                gains[c] = Math.Min(1.0, gains.GetValueOrDefault(c) + gain);
            }
        }

        _reducedCost.Clear();
    }

    public void Dispose() => _solver.Dispose();
}
