// Longer than 400 lines on purpose: the outsider attack, the singleton holders' attacks and the Attack state they share
// are one argument about one pattern, sharing the inward rounding of bounds (Floor, Ceiling, Tolerance); split, the
// parts would reach into each other's private state.
using System.Runtime.ExceptionServices;
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
        CancellationToken cancellationToken = default) =>
        Run(problem, suppressed, policy, depth, knownSafe: default, cancellationToken);

    /// <summary>
    /// Audits a pattern, skipping in a <see cref="AuditDepth.Verify"/> audit the cells of <paramref name="knownSafe"/>:
    /// cells that passed an audit of a pattern this one contains. Hiding more cells only widens what every attacker
    /// cannot rule out (the old tables stay possible), so they pass again; a repair round re-audits only the rest.
    /// </summary>
    public static AuditResult Run(
        ProtectionProblem problem,
        ReadOnlySpan<bool> suppressed,
        DisclosurePolicy policy,
        AuditDepth depth,
        ReadOnlySpan<bool> knownSafe,
        CancellationToken cancellationToken = default) =>
        Run(problem, suppressed, policy, depth, knownSafe, AuditSharing.Fixed, cancellationToken);

    internal static AuditResult Run(
        ProtectionProblem problem,
        ReadOnlySpan<bool> suppressed,
        DisclosurePolicy policy,
        AuditDepth depth,
        ReadOnlySpan<bool> knownSafe,
        AuditSharing sharing,
        CancellationToken cancellationToken)
    {
        var hidden = suppressed.ToArray();
        var skip = depth == AuditDepth.ExactBounds || knownSafe.IsEmpty ? null : knownSafe.ToArray();
        var roles = PrimarySuppression.Classify(problem, policy);
        var floors = ProtectionNeeds.KnownFloors(problem, policy);
        var components = SuppressedComponents.Split(problem, hidden);
        var work = sharing.Split(components, hidden.Count(h => h));
        var results = new AuditResult[work.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Largest first, so the longest audit starts at once and the small ones fill the other cores.
        try
        {
            Parallel.For(0, work.Count, parallel, i =>
            {
                var (k, share, shares) = work[i];
                results[i] = RunComponent(problem, hidden, components, k, roles, floors, policy, depth, AuditSharing.SkipOthers(skip, components, k, share, shares), cancellationToken);
            });
        }
        catch (AggregateException e)
        {
            // The audit's own exceptions, not the wrapper: callers tell a cancelled audit from an unverifiable one.
            var inner = e.InnerExceptions.FirstOrDefault(x => x is OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(inner).Throw();
        }

        // A cell is audited in one share only, but the one holding a singleton's cells may report it too.
        var failures = results.SelectMany(r => r.Failures).GroupBy(f => f.Cell).Select(g => g.First()).OrderBy(f => f.Cell).ToArray();
        var bounds = results.SelectMany(r => r.Bounds).OrderBy(b => b.Cell).ToArray();
        return new AuditResult(
            failures, bounds, hidden.Count(h => h), results.Sum(r => r.LinearProgramsSolved), depth == AuditDepth.ExactBounds);
    }

    /// <summary>
    /// Audits the suppressed cells of one component. Every other suppressed cell enters as a constant: no relation
    /// that touches the component holds one, so its value never reaches the component's program.
    /// </summary>
    private static AuditResult RunComponent(
        ProtectionProblem problem, bool[] hidden, SuppressedComponents components, int k, CellRole[] roles, long[]? floors, DisclosurePolicy policy,
        AuditDepth depth, bool[]? skip, CancellationToken cancellationToken)
    {
        using var lp = new AttackerLp(problem, components, k, policy);
        var needs = new ProtectionNeeds(problem, lp, roles, policy, floors);
        var attack = new Attack(problem, hidden, policy, lp, needs);
        var exact = depth == AuditDepth.ExactBounds;
        var failures = new List<AuditFailure>();
        var reported = new HashSet<int>();
        var bounds = exact ? new List<CellBounds>(lp.VariableCount) : null;

        var everyone = Enumerable.Range(0, lp.VariableCount).Where(v => skip is null || !skip[lp.CellOf(v)]).ToArray();
        var holders = HoldersOfSingletons(problem, lp, attack);
        if (holders.Count > 0)
        {
            lp.KeepSolutions();
        }

        var witnesses = new Witnesses(problem, lp, needs, everyone) { Holders = holders.Count > 0 ? holders : null };
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

        if (holders.Count > 0)
        {
            AttackByHolders(problem, lp, needs, attack, holders, failures, reported, skip, cancellationToken);
        }

        return new AuditResult(failures, (IReadOnlyList<CellBounds>?)bounds ?? [], lp.VariableCount, lp.SolveCount, exact);
    }

    /// <summary>
    /// The holders of singletons attack with what they know. One program serves them all: the coalition of every
    /// holder, which knows more than any one of them, so a cell it cannot crack no single holder can. A cell the
    /// coalition does crack is then tried against each holder alone, and fails only if one of them wins: pooling
    /// knowledge reveals the poolers' own persons, which is no disclosure. The holders' own cells are attacked
    /// by the coalition of the others the same way. The trials against single holders come last, all together:
    /// telling the program what every holder knows, or taking it back, costs a long re-solve, so it happens once.
    /// </summary>
    private static void AttackByHolders(
        ProtectionProblem problem, AttackerLp lp, ProtectionNeeds needs, Attack attack, SingletonHolders holders,
        List<AuditFailure> failures, HashSet<int> reported, bool[]? skip, CancellationToken cancellationToken)
    {
        var cracked = new List<int>();
        var solved = new SolvedTables(lp, holders, needs);
        holders.KnowAll();
        var others = Enumerable.Range(0, lp.VariableCount)
            .Where(v => holders.HolderOf(v) < 0 && !reported.Contains(lp.CellOf(v)) && skip?[lp.CellOf(v)] != true)
            .ToArray();
        var coalition = new Witnesses(problem, lp, needs, others);
        coalition.Reset(others, holders.CoalitionLow, holders.CoalitionHigh);
        coalition.Sweep();
        foreach (var v in others)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The coalition's programs are spent only on cells that some holder might crack alone.
            if (coalition.IsSettled(v) || solved.SettleForEveryHolder(v) || attack.Check(v, coalition, wantLower: false, out _, out _) is null)
            {
                continue;
            }

            cracked.Add(v);
        }

        for (var h = 0; h < holders.Count; h++)
        {
            var own = holders.Known(h);
            var open = new List<int>();
            for (var i = 0; i < own.Count; i++)
            {
                var (low, high) = holders.OwnRange(h, i);
                if (!reported.Contains(lp.CellOf(own[i])) && skip?[lp.CellOf(own[i])] != true && !needs.IsMet(own[i], low, high))
                {
                    open.Add(own[i]);
                }
            }

            if (open.Count == 0)
            {
                continue;
            }

            holders.Forget(h);
            foreach (var v in open)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (attack.Check(v, null, wantLower: false, out _, out _) is not null)
                {
                    cracked.Add(v);
                }
            }

            holders.Know(h);
        }

        holders.ForgetAll();
        foreach (var v in cracked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Confirm(v);
        }

        // Tries the cell against each holder alone who could matter: the holders whose cells the outsider's own
        // extreme tables for it move. Any other holder's knowledge fits those tables, so it learns what the outsider does.
        // Every table solved on the way is a witness for each holder whose cells it leaves at their true values, so the
        // candidates are first attacked in groups (a group's cells all known at once): a table the group cannot rule out
        // is one each member cannot either. Only members such tables leave unsettled are split off, down to one holder,
        // whose exact attack decides. Tables solved earlier count the same way, so a cell they settle for every holder
        // costs no program at all.
        void Confirm(int v)
        {
            if (solved.SettleForEveryHolder(v))
            {
                return;
            }

            var byMax = new HashSet<int>();
            var byMin = new HashSet<int>();
            lp.OptimiseSparing(v, maximise: true, holders.AtFloor);
            holders.AddMoved(byMax);
            var high = lp.Value(v);
            lp.OptimiseSparing(v, maximise: false, holders.AtFloor);
            holders.AddMoved(byMin);
            var low = lp.Value(v);
            var truth = holders.Truth(v);
            var range = new Dictionary<int, (double Low, double High)>();
            // A holder who knows the cell without any release (the one it counts as, or one whose cells lie above it too)
            // learns nothing from it.
            foreach (var h in byMax.Union(byMin).Where(h => !holders.Knows(h, v)).Order())
            {
                range[h] = (byMin.Contains(h) ? truth : Math.Min(truth, low), byMax.Contains(h) ? truth : Math.Max(truth, high));
            }

            // Tables solved before (for the outsider, the coalition or other cells) that fit a candidate's knowledge are
            // witnesses for it too: they settle most candidates without programs of their own.
            var unsettled = new List<int>();
            foreach (var h in range.Keys.ToList())
            {
                var seen = range[h];
                if (!needs.IsMet(v, seen.Low, seen.High) && !solved.Settle(h, v, ref seen))
                {
                    unsettled.Add(h);
                }

                range[h] = seen;
            }

            if (unsettled.Count > 0)
            {
                Attack(unsettled);
            }

            // Returns false once a holder wins (the cell is then reported).
            bool Attack(List<int> group)
            {
                if (group.Count == 1)
                {
                    return Alone(group[0]);
                }

                group.ForEach(holders.Know);
                lp.OptimiseSparing(v, maximise: true, holders.AtFloor);
                Witness();
                var left = group.Where(h => !needs.IsMet(v, range[h].Low, range[h].High)).ToList();
                if (left.Count > 0)
                {
                    lp.OptimiseSparing(v, maximise: false, holders.AtFloor);
                    Witness();
                    left = left.Where(h => !needs.IsMet(v, range[h].Low, range[h].High)).ToList();
                }

                group.ForEach(holders.Forget);
                if (left.Count == 0)
                {
                    return true;
                }

                if (left.Count < group.Count)
                {
                    return Attack(left);
                }

                var half = left.Count / 2;
                return Attack(left[..half]) && Attack(left[half..]);
            }

            bool Alone(int h)
            {
                holders.Know(h);
                var kind = attack.Check(v, null, wantLower: false, out var lower, out var upper);
                holders.Forget(h);
                var cell = lp.CellOf(v);
                if (kind is not null && reported.Add(cell))
                {
                    failures.Add(new AuditFailure(cell, AuditFailureKind.SingletonExposed, lower, upper, attack.Cut(cell)));
                    return false;
                }

                return true;
            }

            // The last solution, for every candidate whose own cells it leaves at their true values.
            void Witness()
            {
                var shifted = new HashSet<int>();
                holders.AddMoved(shifted);
                var x = lp.Value(v);
                foreach (var h in range.Keys)
                {
                    if (!shifted.Contains(h))
                    {
                        var (l, u) = range[h];
                        range[h] = (Math.Min(l, x), Math.Max(u, x));
                    }
                }
            }
        }
    }

    /// <summary>One holder per person alone in a suppressed cell, with what they know.</summary>
    private static SingletonHolders HoldersOfSingletons(ProtectionProblem problem, AttackerLp lp, Attack attack)
    {
        var holders = new SingletonHolders(lp, problem.Values, lp.LowerBound);
        for (var v = 0; v < lp.VariableCount; v++)
        {
            var cell = lp.CellOf(v);
            if (PrimarySuppression.IsSingleton(problem.Values[cell]) && holders.HolderOf(v) < 0)
            {
                holders.Add(attack.KnownToHolderOf(cell).Select(lp.VariableOf).Where(k => k >= 0).Order().ToArray());
            }
        }

        return holders;
    }

    /// <summary>Whole counts at most <paramref name="x"/>, allowing for the solver's rounding.</summary>
    internal static long Floor(double x) => (long)Math.Floor(x + Tolerance * (1 + Math.Abs(x) * 1e-3));

    internal static long Ceiling(double x) => (long)Math.Ceiling(x - Tolerance * (1 + Math.Abs(x) * 1e-3));

    private static CellBounds ToBounds(int cell, double lower, double upper, double cap) =>
        new(cell, Ceiling(lower), upper >= cap * (1 - 1e-9) ? null : Floor(upper));

    /// <summary>One attacker's programs over one pattern, and the cut learnt from the last failure.</summary>
    private sealed class Attack(ProtectionProblem problem, bool[] suppressed, DisclosurePolicy policy, AttackerLp lp, ProtectionNeeds needs)
    {
        private readonly SortedDictionary<int, double> _gains = new();

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
            if (Floor(upper) < needs.Upper(v))
            {
                lp.AddUnfixingGains(suppressed, policy, maximise: true, needs.Upper(v) - upper, _gains);
                lower = wantLower ? Lower(v, witnesses) : lower;
                return AuditFailureKind.BelowThreshold;
            }

            if (!double.IsPositiveInfinity(needs.Lower(v)))
            {
                // A protection level: the floor must reach down far enough too.
                lower = Lower(v, witnesses);
                if (Ceiling(lower) > needs.Lower(v))
                {
                    lp.AddUnfixingGains(suppressed, policy, maximise: false, lower - needs.Lower(v), _gains);
                    return AuditFailureKind.TooNarrow;
                }
            }
            else if (Floor(upper) > Ceiling(witnesses?.Low(v) ?? value))
            {
                // The ceiling reaches what it must and a second whole count lies below it.
                lower = wantLower ? Lower(v, witnesses) : lower;
                return null;
            }
            else
            {
                lower = double.NaN;
            }

            // Pinned unless the floor can drop: a repair must lift the ceiling to value + 1 or drop the floor to value - 1.
            lp.AddUnfixingGains(suppressed, policy, maximise: true, value + 1 - upper, _gains);
            lower = double.IsNaN(lower) ? Lower(v, witnesses) : lower;
            if (Floor(upper) > Ceiling(lower))
            {
                _gains.Clear();
                return null;
            }

            lp.AddUnfixingGains(suppressed, policy, maximise: false, lower - (value - 1), _gains);
            return AuditFailureKind.Pinned;
        }

        private double Lower(int v, Witnesses? witnesses)
        {
            var floor = RelationRules.AttackerLowerBound(policy);
            if (witnesses is not null && witnesses.Low(v) <= floor + Tolerance)
            {
                return floor; // a possible table already has it at the floor (a singleton, say): no program can go lower
            }

            var lower = lp.Optimise(v, maximise: false);
            witnesses?.Learn();
            return lower;
        }

        /// <summary>The last failure's gains as integer weights out of <see cref="CutScale"/>, rounded up so the cut stays valid.</summary>
        public SuppressionCut Cut(int cell) =>
            new(cell, _gains.Keys.ToArray(), _gains.Values.Select(g => (int)Math.Ceiling(g * CutScale - 1e-9)).ToArray(), CutScale);

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
    }
}
