// Longer than 400 lines on purpose: one CP-SAT model whose rules (relations, capacity, cuts, loss) all add to the
// same model, cell variables and weights; split into partial files, each part would depend on the others' fields.
using System.Globalization;
using Google.OrTools.Sat;
using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The optimisation model of complementary suppression (CP-SAT): one boolean per cell that may be
/// hidden, the relation rules as constraints, and cuts learnt from failed audits. The model only
/// holds necessary conditions; the audit decides whether a pattern is safe. A neighbourhood model
/// decides only some cells and holds the others at their values in a given pattern, which the
/// improvement of a safe pattern re-optimises one part of the table at a time.
/// </summary>
public sealed class SecondarySuppression
{
    // Interleaved search with a fixed number of workers, a fixed seed and an effort budget in deterministic time: the
    // same table gives the same pattern on every run, on one core or many. No wall-clock limit: the caller's guard
    // cancels the search, and then nothing is released.
    private const int Seed = 20210318;
    private const int Workers = 2;
    private static readonly string WholeModelSearch = $"num_workers:{Workers} interleave_search:true ";

    // A neighbourhood model is small and solved many times: one worker without presolve answers it in milliseconds,
    // and a single worker repeats its search exactly.
    private const string NeighbourhoodSearch = "num_workers:1 cp_model_presolve:false ";

    // A pattern within 1 % of the best possible is accepted: proving the last percent costs far more
    // than it saves, and the search must leave time for the audit rounds.
    private const double RelativeGap = 0.01;

    private readonly ProtectionProblem _problem;
    private readonly CellRole[] _roles;
    private readonly DisclosurePolicy _policy;
    private readonly CpModel _model = new();
    private readonly BoolVar?[] _hide;

    // Cells the model does not decide but holds hidden: the primaries and, in a neighbourhood model, the hidden
    // cells of the pattern outside the neighbourhood. A cell neither free nor hidden here is published.
    private readonly bool[] _fixedHidden;
    private readonly long[] _weight;
    private readonly List<SuppressionCut> _cuts = [];
    private LinearExpr? _loss;
    private readonly IReadOnlyList<int>? _free;

    public SecondarySuppression(ProtectionProblem problem, CellRole[] roles, DisclosurePolicy policy)
    {
        _problem = problem;
        _roles = roles;
        _policy = policy;
        _hide = new BoolVar?[problem.CellCount];
        _fixedHidden = new bool[problem.CellCount];
        _weight = Weights(problem, roles, policy);
        var candidates = 0;
        for (var c = 0; c < _hide.Length; c++)
        {
            if (roles[c] == CellRole.Candidate)
            {
                _hide[c] = _model.NewBoolVar(string.Empty);
                candidates++;
            }
            else
            {
                _fixedHidden[c] = roles[c] == CellRole.Primary;
            }
        }

        EffortPerSolve = Math.Clamp(candidates / 4000.0, 0.1, 1.0);

        for (var r = 0; r < problem.RelationCount; r++)
        {
            AddRelationRules(r);
        }

        _model.Minimize(Loss());
    }

    /// <summary>
    /// A neighbourhood model: only the candidate cells <paramref name="free"/> are decided, every other cell keeps its
    /// value in <paramref name="pattern"/> (which hides every primary). Its size is that of the neighbourhood, not of the
    /// table, apart from two flat arrays. <paramref name="weights"/> are <see cref="Weights"/> of the problem.
    /// </summary>
    internal SecondarySuppression(
        ProtectionProblem problem, CellRole[] roles, DisclosurePolicy policy, long[] weights, ReadOnlySpan<bool> pattern, IReadOnlyList<int> free)
    {
        _problem = problem;
        _roles = roles;
        _policy = policy;
        _hide = new BoolVar?[problem.CellCount];
        _fixedHidden = pattern.ToArray();
        _weight = weights;
        _free = free;
        var relations = new SortedSet<int>();
        foreach (var c in free)
        {
            _hide[c] = _model.NewBoolVar(string.Empty);
            _fixedHidden[c] = false;
            foreach (var r in problem.RelationsOf(c))
            {
                relations.Add(r);
            }
        }

        EffortPerSolve = Math.Clamp(free.Count / 4000.0, 0.1, 1.0);

        // A relation without a decided cell is what the pattern made it; nothing in this model can change it.
        foreach (var r in relations)
        {
            AddRelationRules(r);
        }

        _model.Minimize(Loss());
    }

    /// <summary>The cuts this model holds, in the order they were added.</summary>
    internal IReadOnlyList<SuppressionCut> Cuts => _cuts;

    public int CutCount { get; private set; }

    /// <summary>The solver's deterministic time over every <see cref="Solve"/> so far: effort that repeats exactly.</summary>
    public double DeterministicTime { get; private set; }

    /// <summary>Whether the last <see cref="Solve"/> proved its pattern optimal for the model (within the accepted gap).</summary>
    public bool LastSolveOptimal { get; private set; }

    /// <summary>Adds a cut; false when no pattern can satisfy it (in a neighbourhood model: none with the cells held outside).</summary>
    public bool AddCut(SuppressionCut cut)
    {
        var guard = cut.Guard;
        if (_hide[guard] is null && !_fixedHidden[guard])
        {
            return true; // the guard stays published: the cut asks nothing
        }

        var sum = LinearExpr.NewBuilder();
        var reachable = 0L;
        var terms = 0;
        for (var i = 0; i < cut.Cells.Count; i++)
        {
            var cell = cut.Cells[i];
            var weight = Math.Min(cut.Weights[i], cut.Required);
            if (_hide[cell] is { } hide)
            {
                sum.AddTerm(hide, weight);
                reachable += weight;
                terms++;
            }
            else if (_fixedHidden[cell])
            {
                sum.Add(weight);
                reachable += weight;
            }
        }

        if (reachable < cut.Required && _fixedHidden[guard])
        {
            return false;
        }

        _cuts.Add(cut);
        CutCount++;
        if (terms == 0 && _hide[guard] is null)
        {
            return true; // met by the cells held outside: nothing to decide
        }

        var constraint = _model.Add(sum >= cut.Required);
        if (_hide[guard] is { } guardHide)
        {
            constraint.OnlyEnforceIf(guardHide);
        }

        return true;
    }

    /// <summary>
    /// From now on only patterns cheaper than <paramref name="pattern"/> over the decided cells are accepted: by cell count
    /// at least one cell fewer (as many cells, only smaller ones, are not worth an audit), by cell value a smaller loss.
    /// </summary>
    internal void RequireCheaperThan(ReadOnlySpan<bool> pattern)
    {
        if (_policy.Loss == InformationLoss.CellValue)
        {
            _model.Add(_loss! <= LossOf(pattern) - 1);
            return;
        }

        var hidden = new List<BoolVar>();
        var count = 0;
        foreach (var c in _free ?? Enumerable.Range(0, _hide.Length))
        {
            if (_hide[c] is { } hide)
            {
                hidden.Add(hide);
                count += pattern[c] ? 1 : 0;
            }
        }

        _model.Add(LinearExpr.Sum(hidden) <= count - 1);
    }

    /// <summary>From now on only patterns that cost no more than <paramref name="pattern"/> (a safe one, so one is always left) are accepted.</summary>
    internal void RequireNoWorseThan(ReadOnlySpan<bool> pattern) => _model.Add(_loss! <= LossOf(pattern));

    /// <summary>The loss the model minimises, over the cells it decides, of <paramref name="pattern"/>.</summary>
    private long LossOf(ReadOnlySpan<bool> pattern)
    {
        var loss = 0L;
        foreach (var c in _free ?? Enumerable.Range(0, _hide.Length))
        {
            loss += _hide[c] is not null && pattern[c] ? _weight[c] : 0;
        }

        return loss;
    }

    /// <summary>The loss of a whole pattern, as every model of the problem weighs its cells.</summary>
    public static long TotalLoss(ProtectionProblem problem, CellRole[] roles, DisclosurePolicy policy, ReadOnlySpan<bool> pattern)
    {
        var weight = Weights(problem, roles, policy);
        var loss = 0L;
        for (var c = 0; c < weight.Length; c++)
        {
            loss += pattern[c] ? weight[c] : 0;
        }

        return loss;
    }

    /// <summary>
    /// Deterministic effort for one solve (about seconds): grows with the number of cells that may be
    /// hidden, small tables are solved to optimality long before it binds.
    /// </summary>
    public double EffortPerSolve { get; }

    /// <summary>
    /// The best pattern found within <paramref name="effort"/> (the solver's deterministic seconds; primaries included),
    /// or null when the model is infeasible or no pattern was found. <paramref name="hint"/> seeds the search.
    /// </summary>
    public bool[]? Solve(double effort, ReadOnlySpan<bool> hint, CancellationToken cancellationToken)
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
        solver.StringParameters = (_free is null ? WholeModelSearch : NeighbourhoodSearch) + string.Create(
            CultureInfo.InvariantCulture,
            $"random_seed:{Seed} relative_gap_limit:{RelativeGap} max_deterministic_time:{Math.Max(0.001, effort):0.###}");
        using var stop = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(_model);
        cancellationToken.ThrowIfCancellationRequested();
        LastSolveOptimal = status == CpSolverStatus.Optimal;
        DeterministicTime += solver.Response?.DeterministicTime ?? 0;
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }

        var pattern = (bool[])_fixedHidden.Clone();
        for (var c = 0; c < pattern.Length; c++)
        {
            pattern[c] |= _hide[c] is { } hide && solver.BooleanValue(hide);
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
        int hidden = 0, suppressible = 0;
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
            else if (_fixedHidden[c])
            {
                hidden++;
                singleton |= PrimarySuppression.IsSingleton(values[c]);
            }
        }

        if (hidden == 0)
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

        var needed = Math.Max(0, 2 - hidden);
        if (singleton)
        {
            needed = Math.Max(needed, RelationRules.OthersNeededBesideSingleton(suppressible) - (hidden - 1));
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
        if (_fixedHidden[total])
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
                else if (_fixedHidden[cells[j]])
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

    private LinearExpr Loss()
    {
        var loss = LinearExpr.NewBuilder();
        foreach (var c in _free ?? Enumerable.Range(0, _hide.Length))
        {
            if (_hide[c] is { } hide)
            {
                loss.AddTerm(hide, _weight[c]);
            }
        }

        _loss = loss;
        return loss;
    }

    /// <summary>
    /// What hiding each candidate cell costs. Cell count: each cell weighs the same large unit plus a small term
    /// growing with the log of its value, so the fewest cells win and ties go to small cells (and away from margins).
    /// Cell value: value + 1, so ties go to fewer cells. Primaries and published zeros weigh nothing: no pattern differs in them.
    /// </summary>
    internal static long[] Weights(ProtectionProblem problem, CellRole[] roles, DisclosurePolicy policy)
    {
        var values = problem.Values;
        var weight = new long[values.Length];
        if (policy.Loss == InformationLoss.CellValue)
        {
            for (var c = 0; c < weight.Length; c++)
            {
                weight[c] = roles[c] == CellRole.Candidate ? values[c] + 1 : 0;
            }

            return weight;
        }

        var unit = 1L;
        for (var c = 0; c < weight.Length; c++)
        {
            if (roles[c] == CellRole.Candidate)
            {
                weight[c] = (long)Math.Round(16 * Math.Log2(values[c] + 1.0));
                unit += weight[c];
            }
        }

        for (var c = 0; c < weight.Length; c++)
        {
            weight[c] += roles[c] == CellRole.Candidate ? unit : 0;
        }

        return weight;
    }
}
