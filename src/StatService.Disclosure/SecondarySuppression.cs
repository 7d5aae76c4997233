using System.Globalization;
using Google.OrTools.Sat;
using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The optimisation model of complementary suppression (CP-SAT): one boolean per cell that may be
/// hidden, the relation rules as constraints, and cuts learnt from failed audits. The model only
/// holds necessary conditions; the audit decides whether a pattern is safe.
/// </summary>
public sealed class SecondarySuppression
{
    // Interleaved search with a fixed seed and an effort budget in deterministic time: the same
    // table gives the same pattern on every run and machine. The wall-clock limit is only a backstop.
    private const int Seed = 20210318;
    private const int Workers = 2;

    // A pattern within 1 % of the best possible is accepted: proving the last percent costs far more
    // than it saves, and the search must leave time for the audit rounds.
    private const double RelativeGap = 0.01;

    private readonly ProtectionProblem _problem;
    private readonly CellRole[] _roles;
    private readonly DisclosurePolicy _policy;
    private readonly CpModel _model = new();
    private readonly BoolVar?[] _hide;

    public SecondarySuppression(ProtectionProblem problem, CellRole[] roles, DisclosurePolicy policy)
    {
        _problem = problem;
        _roles = roles;
        _policy = policy;
        _hide = new BoolVar?[problem.CellCount];
        var candidates = 0;
        for (var c = 0; c < _hide.Length; c++)
        {
            if (roles[c] == CellRole.Candidate)
            {
                _hide[c] = _model.NewBoolVar(string.Empty);
                candidates++;
            }
        }

        EffortPerSolve = Math.Clamp(candidates / 4000.0, 0.1, 1.0);

        for (var r = 0; r < problem.RelationCount; r++)
        {
            AddRelationRules(r);
        }

        _model.Minimize(Loss());
    }

    public int CutCount { get; private set; }

    /// <summary>Whether the last <see cref="Solve"/> proved its pattern optimal for the model (within the accepted gap).</summary>
    public bool LastSolveOptimal { get; private set; }

    /// <summary>Adds a cut; false when no pattern can satisfy it.</summary>
    public bool AddCut(SuppressionCut cut)
    {
        var guard = cut.Guard;
        if (_roles[guard] == CellRole.AlwaysPublished)
        {
            return true;
        }

        var sum = LinearExpr.NewBuilder();
        var reachable = 0L;
        for (var i = 0; i < cut.Cells.Count; i++)
        {
            var cell = cut.Cells[i];
            var weight = Math.Min(cut.Weights[i], cut.Required);
            if (_hide[cell] is { } hide)
            {
                sum.AddTerm(hide, weight);
                reachable += weight;
            }
            else if (_roles[cell] == CellRole.Primary)
            {
                sum.Add(weight);
                reachable += weight;
            }
        }

        if (reachable < cut.Required && _roles[guard] == CellRole.Primary)
        {
            return false;
        }

        var constraint = _model.Add(sum >= cut.Required);
        if (_hide[guard] is { } guardHide)
        {
            constraint.OnlyEnforceIf(guardHide);
        }

        CutCount++;
        return true;
    }

    /// <summary>
    /// Deterministic effort for one solve (about seconds): grows with the number of cells that may be
    /// hidden, small tables are solved to optimality long before it binds.
    /// </summary>
    public double EffortPerSolve { get; }

    /// <summary>
    /// The best pattern found within the effort and time limits (primaries included), or null when
    /// the model is infeasible or no pattern was found. <paramref name="hint"/> seeds the search.
    /// </summary>
    public bool[]? Solve(TimeSpan timeLimit, ReadOnlySpan<bool> hint, CancellationToken cancellationToken)
    {
        _model.ClearHints();
        if (!hint.IsEmpty)
        {
            for (var c = 0; c < _hide.Length; c++)
            {
                if (_hide[c] is { } hide)
                {
                    _model.AddHint(hide, hint[c]);
                }
            }
        }

        using var solver = new CpSolver();
        solver.StringParameters = string.Create(
            CultureInfo.InvariantCulture,
            $"num_workers:{Workers} interleave_search:true random_seed:{Seed} relative_gap_limit:{RelativeGap} " +
            $"max_deterministic_time:{EffortPerSolve:0.###} max_time_in_seconds:{Math.Max(0.01, timeLimit.TotalSeconds):0.###}");
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(_model);
        cancellationToken.ThrowIfCancellationRequested();
        LastSolveOptimal = status == CpSolverStatus.Optimal;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }

        var pattern = new bool[_hide.Length];
        for (var c = 0; c < pattern.Length; c++)
        {
            pattern[c] = _roles[c] == CellRole.Primary || (_hide[c] is { } hide && solver.BooleanValue(hide));
        }

        return pattern;
    }

    private void AddRelationRules(int relation)
    {
        if (!_problem.IsAdditive(relation))
        {
            return; // a bound, not an equation: a lone suppressed part is not recomputed, and the audit judges the rest
        }

        var cells = _problem.RelationCells(relation);
        var values = _problem.Values;
        int primaries = 0, suppressible = 0;
        var singleton = false;
        var free = new List<BoolVar>(cells.Length);
        foreach (var c in cells)
        {
            if (_roles[c] == CellRole.AlwaysPublished)
            {
                continue;
            }

            suppressible++;
            if (_hide[c] is { } hide)
            {
                free.Add(hide);
            }
            else
            {
                primaries++;
                singleton |= PrimarySuppression.IsSingleton(values[c]);
            }
        }

        if (primaries == 0)
        {
            // Nothing or at least two: one indicator per relation keeps the model linear in its size.
            if (free.Count == 1)
            {
                _model.Add(free[0] == 0);
            }
            else if (free.Count > 1)
            {
                var used = _model.NewBoolVar(string.Empty);
                foreach (var hide in free)
                {
                    _model.AddImplication(hide, used);
                }

                _model.Add(LinearExpr.Sum(free) >= 2 * (LinearExpr)used);
            }

            return;
        }

        var needed = Math.Max(0, 2 - primaries);
        if (singleton)
        {
            needed = Math.Max(needed, RelationRules.OthersNeededBesideSingleton(suppressible) - (primaries - 1));
        }

        if (needed > 0)
        {
            _model.Add(LinearExpr.Sum(free) >= needed);
        }

        AddCapacityRules(cells);
    }

    private void AddCapacityRules(ReadOnlySpan<int> cells)
    {
        var values = _problem.Values;
        var total = cells[0];
        if (_roles[total] == CellRole.Primary)
        {
            return;
        }

        for (var i = 1; i < cells.Length; i++)
        {
            var part = cells[i];
            var need = _roles[part] == CellRole.Primary ? RelationRules.RaiseNeeded(values[part], _policy) : 0;
            if (need <= 0)
            {
                continue;
            }

            var fixedCapacity = 0L;
            var sum = LinearExpr.NewBuilder();
            if (_hide[total] is { } hideTotal)
            {
                sum.AddTerm(hideTotal, need);
            }

            for (var j = 1; j < cells.Length; j++)
            {
                var capacity = RelationRules.ShrinkCapacity(values[cells[j]], need, _policy);
                if (j == i || capacity == 0)
                {
                    continue;
                }

                if (_hide[cells[j]] is { } hide)
                {
                    sum.AddTerm(hide, capacity);
                }
                else if (_roles[cells[j]] == CellRole.Primary)
                {
                    fixedCapacity += capacity;
                }
            }

            if (fixedCapacity < need)
            {
                _model.Add(sum >= need - fixedCapacity);
            }
        }
    }

    /// <summary>
    /// Cell count: each cell weighs the same large unit plus a small term growing with the log of
    /// its value, so the fewest cells win and ties go to small cells (and away from margins).
    /// Cell value: value + 1, so ties go to fewer cells.
    /// </summary>
    private LinearExpr Loss()
    {
        var values = _problem.Values;
        var loss = LinearExpr.NewBuilder();
        if (_policy.Loss == InformationLoss.CellValue)
        {
            for (var c = 0; c < _hide.Length; c++)
            {
                if (_hide[c] is { } hide)
                {
                    loss.AddTerm(hide, values[c] + 1);
                }
            }

            return loss;
        }

        var tieBreak = new long[_hide.Length];
        var unit = 1L;
        for (var c = 0; c < _hide.Length; c++)
        {
            if (_hide[c] is not null)
            {
                tieBreak[c] = (long)Math.Round(16 * Math.Log2(values[c] + 1.0));
                unit += tieBreak[c];
            }
        }

        for (var c = 0; c < _hide.Length; c++)
        {
            if (_hide[c] is { } hide)
            {
                loss.AddTerm(hide, unit + tieBreak[c]);
            }
        }

        return loss;
    }
}
