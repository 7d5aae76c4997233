using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The attacker's view of a pattern. Published cells are known, suppressed cells are at least 1
/// (0 when zeros are sensitive), every relation holds. A suppressed cell is protected when the
/// attacker can neither pin it to one whole count nor prove it below the threshold. Counts are whole
/// numbers, so bounds are rounded inwards: an interval holding a single integer pins the cell.
/// Besides the outsider, every holder of a suppressed singleton attacks too: they also know their own
/// cell, and must not learn anyone else's.
/// </summary>
public static class SuppressionAudit
{
    private const double Tolerance = 1e-6;
    private const int CutScale = 1000;

    public static AuditResult Run(
        ProtectionProblem problem,
        ReadOnlySpan<bool> suppressed,
        DisclosurePolicy policy,
        AuditDepth depth = AuditDepth.Verify,
        CancellationToken cancellationToken = default)
    {
        var hidden = suppressed.ToArray();
        using var lp = new AttackerLp(problem, hidden, policy);
        var attack = new Attack(problem, hidden, policy, lp);
        var exact = depth == AuditDepth.ExactBounds;
        var failures = new List<AuditFailure>();
        var reported = new HashSet<int>();
        var bounds = exact ? new List<CellBounds>(lp.VariableCount) : null;

        var everyone = Enumerable.Range(0, lp.VariableCount).ToArray();
        var holders = HoldersOfSingletons(problem, lp, attack);
        var witnesses = new Witnesses(problem, lp, policy.Threshold, everyone) { Holders = holders.Witnesses };
        if (!exact)
        {
            witnesses.Sweep();
        }

        foreach (var v in everyone)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!exact && witnesses.IsSettled(v))
            {
                continue;
            }

            var kind = attack.Check(v, witnesses, wantLower: exact, out var lower, out var upper);
            var cell = lp.CellOf(v);
            bounds?.Add(ToBounds(cell, lower, upper, lp.Cap));
            if (kind is { } failure && reported.Add(cell))
            {
                failures.Add(new AuditFailure(cell, failure, lower, upper, attack.Cut(cell)));
            }
        }

        Witnesses? insider = null;
        foreach (var (knownCells, group) in holders.Insiders)
        {
            var others = attack.LinkedTo(group.Known).Where(v => !knownCells.Contains(lp.CellOf(v)) && !reported.Contains(lp.CellOf(v))).ToArray();
            if (others.Length == 0)
            {
                continue;
            }

            for (var i = 0; i < group.Known.Length; i++)
            {
                lp.Know(group.Known[i], group.KnownValues[i]);
            }

            insider ??= new Witnesses(problem, lp, policy.Threshold, others) { Holders = holders.Witnesses };
            insider.Reset(others, group);
            insider.Sweep();
            foreach (var v in others)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (insider.IsSettled(v) || attack.Check(v, insider, wantLower: false, out var lower, out var upper) is null)
                {
                    continue;
                }

                var cell = lp.CellOf(v);
                if (reported.Add(cell))
                {
                    failures.Add(new AuditFailure(cell, AuditFailureKind.SingletonExposed, lower, upper, attack.Cut(cell)));
                }
            }

            foreach (var v in group.Known)
            {
                lp.Forget(v);
            }
        }

        return new AuditResult(failures, (IReadOnlyList<CellBounds>?)bounds ?? [], lp.VariableCount, lp.SolveCount);
    }

    /// <summary>
    /// One insider per person alone in a suppressed cell: what they know, and the witnesses met for
    /// them while the outsider is audited.
    /// </summary>
    private static (HolderWitnesses Witnesses, List<(HashSet<int> KnownCells, HolderWitnesses.Group Group)> Insiders) HoldersOfSingletons(
        ProtectionProblem problem, AttackerLp lp, Attack attack)
    {
        var witnesses = new HolderWitnesses(lp);
        var insiders = new List<(HashSet<int>, HolderWitnesses.Group)>();
        var seen = new HashSet<int>();
        for (var v = 0; v < lp.VariableCount; v++)
        {
            var cell = lp.CellOf(v);
            if (!PrimarySuppression.IsSingleton(problem.Values[cell]) || seen.Contains(cell))
            {
                continue; // not a singleton, or the same person as one already taken
            }

            var knownCells = attack.KnownToHolderOf(cell);
            seen.UnionWith(knownCells);
            var known = knownCells.Select(lp.VariableOf).Where(k => k >= 0).Order().ToArray();
            insiders.Add((knownCells, witnesses.Add(known, known.Select(k => (double)problem.Values[lp.CellOf(k)]).ToArray())));
        }

        return (witnesses, insiders);
    }

    /// <summary>Whole counts at most <paramref name="x"/>, allowing for the solver's rounding.</summary>
    internal static long Floor(double x) => (long)Math.Floor(x + Tolerance * (1 + Math.Abs(x) * 1e-3));

    internal static long Ceiling(double x) => (long)Math.Ceiling(x - Tolerance * (1 + Math.Abs(x) * 1e-3));

    private static CellBounds ToBounds(int cell, double lower, double upper, double cap) =>
        new(cell, Ceiling(lower), upper >= cap * (1 - 1e-9) ? null : Floor(upper));

    /// <summary>One attacker's programs over one pattern, and the cut learnt from the last failure.</summary>
    private sealed class Attack(ProtectionProblem problem, bool[] suppressed, DisclosurePolicy policy, AttackerLp lp)
    {
        private readonly SortedDictionary<int, double> _gains = new();
        private int[]? _component;

        /// <summary>
        /// Decides one suppressed cell: null when protected, otherwise how it fails (the cut is then
        /// ready in <see cref="Cut"/>). The upper bound is always solved, the lower only when needed
        /// or wanted; witnesses, when given, learn from every solution and may settle the cell early.
        /// </summary>
        public AuditFailureKind? Check(int v, Witnesses? witnesses, bool wantLower, out double lower, out double upper)
        {
            var value = problem.Values[lp.CellOf(v)];
            _gains.Clear();
            lower = RelationRules.AttackerLowerBound(policy);
            upper = lp.Optimise(v, maximise: true);
            witnesses?.Learn();
            witnesses?.Settle(v);
            if (Floor(upper) < policy.Threshold)
            {
                lp.AddUnfixingGains(suppressed, policy, maximise: true, policy.Threshold - upper, _gains);
                lower = wantLower ? Lower(v, witnesses) : lower;
                return AuditFailureKind.BelowThreshold;
            }

            if (Floor(upper) > Ceiling(witnesses?.Low(v) ?? value))
            {
                // The ceiling reaches the threshold and a second whole count lies below it.
                lower = wantLower ? Lower(v, witnesses) : lower;
                return null;
            }

            // Pinned unless the floor can drop: a repair must lift the ceiling to value + 1 or drop the floor to value - 1.
            lp.AddUnfixingGains(suppressed, policy, maximise: true, value + 1 - upper, _gains);
            lower = Lower(v, witnesses);
            if (Floor(upper) > Ceiling(lower))
            {
                return null;
            }

            lp.AddUnfixingGains(suppressed, policy, maximise: false, lower - (value - 1), _gains);
            return AuditFailureKind.Pinned;
        }

        private double Lower(int v, Witnesses? witnesses)
        {
            var lower = lp.Optimise(v, maximise: false);
            witnesses?.Learn();
            return lower;
        }

        /// <summary>The last failure's gains as integer weights out of <see cref="CutScale"/>, rounded up so the cut stays valid.</summary>
        public SuppressionCut Cut(int cell) =>
            new(cell, _gains.Keys.ToArray(), _gains.Values.Select(g => (int)Math.Ceiling(g * CutScale - 1e-9)).ToArray(), CutScale);

        /// <summary>Suppressed cells linked to any of <paramref name="variables"/> through relations with more than one suppressed cell.</summary>
        public IEnumerable<int> LinkedTo(IReadOnlyCollection<int> variables)
        {
            _component ??= Components();
            var groups = variables.Select(v => _component[v]).ToHashSet();
            for (var v = 0; v < _component.Length; v++)
            {
                if (groups.Contains(_component[v]))
                {
                    yield return v;
                }
            }
        }

        /// <summary>
        /// What the holder of a singleton knows without any release: the cells that hold nobody but
        /// them (value 1, reached from the singleton by going up to a total or down to a part, never
        /// sideways: a sibling of value 1 is somebody else), and everything below those, which is
        /// theirs or empty. Learning these reveals nobody else.
        /// </summary>
        public HashSet<int> KnownToHolderOf(int singleton)
        {
            var own = new HashSet<int> { singleton };
            var pending = new Stack<int>(own);
            while (pending.TryPop(out var c))
            {
                foreach (var relation in problem.RelationsOf(c))
                {
                    var cells = problem.RelationCells(relation);
                    var reachable = cells[0] == c ? cells[1..] : cells[..1];
                    foreach (var other in reachable)
                    {
                        if (PrimarySuppression.IsSingleton(problem.Values[other]) && own.Add(other))
                        {
                            pending.Push(other);
                        }
                    }
                }
            }

            var known = new HashSet<int>(own);
            pending = new Stack<int>(own);
            while (pending.TryPop(out var c))
            {
                foreach (var relation in problem.RelationsOf(c))
                {
                    var cells = problem.RelationCells(relation);
                    if (cells[0] != c)
                    {
                        continue;
                    }

                    foreach (var part in cells[1..])
                    {
                        if (known.Add(part))
                        {
                            pending.Push(part);
                        }
                    }
                }
            }

            return known;
        }

        /// <summary>Connected groups of suppressed cells (union-find over relations with two or more of them).</summary>
        private int[] Components()
        {
            var parent = Enumerable.Range(0, lp.VariableCount).ToArray();
            int Find(int v)
            {
                while (parent[v] != v)
                {
                    v = parent[v] = parent[parent[v]];
                }

                return v;
            }

            for (var r = 0; r < problem.RelationCount; r++)
            {
                var first = -1;
                foreach (var c in problem.RelationCells(r))
                {
                    var v = lp.VariableOf(c);
                    if (v < 0)
                    {
                        continue;
                    }

                    if (first < 0)
                    {
                        first = v;
                    }
                    else
                    {
                        parent[Find(v)] = Find(first);
                    }
                }
            }

            for (var v = 0; v < parent.Length; v++)
            {
                parent[v] = Find(v);
            }

            return parent;
        }
    }
}
