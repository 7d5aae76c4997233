using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// Finds the pattern for one problem. The heuristic comes first: a start (primaries plus what the relation rules demand),
/// repaired until the audit passes (it hides cheap cells per failure and re-audits only the cells that can have changed),
/// then improved one neighbourhood at a time (<see cref="PatternImprovement"/>). With a model effort, the optimisation
/// model then starts from that pattern (as its hint, and its loss as an upper bound, with every cut the heuristic
/// learnt); the model's pattern is audited, every failure becomes a cut, and the model is solved again while its effort
/// lasts. A model pattern that passes (improved like the heuristic's when it is not proven optimal), or the repair of
/// the last one, is released only when it costs less than the heuristic's: the optimal method is never worse than the
/// heuristic. Every limit that decides the pattern counts work (deterministic time, rounds, audit programs), so the same
/// table always gets the same pattern; the wall clock only guards (<see cref="WallClockGuard"/>). Every cell of the
/// final pattern is audited, and nothing unaudited is ever returned: a cell the repair skips passed an audit of a
/// smaller pattern against the same attackers, and hiding more cells only widens what each of them cannot rule out; a
/// cell the improvement's audit skips lies in a group of suppressions, joined by relations, that the pattern it
/// improved on has as well, cell for cell, and each group is audited on its own.
/// </summary>
public static class PatternSearch
{
    /// <summary>Rounds of optimise-audit-cut before the repair finishes the model's job.</summary>
    public const int MaxModelRounds = 40;

    /// <summary>
    /// Audit work (see <see cref="ImprovementBudget.Work"/>) the model's rounds may spend per deterministic second of
    /// model effort: each round's audit costs as much as one of the heuristic's, and the rounds after the first few
    /// rarely pay for theirs. Counted, like the model's effort, so that it never depends on the machine's load.
    /// </summary>
    public const long ModelAuditWorkPerSecond = 250_000;

    /// <summary>
    /// Up to this many suppressed cells the final audit also computes every suppressed cell's exact bounds for the
    /// report (two programs per cell); above it the final audit only verifies, which is just as safe and far cheaper.
    /// </summary>
    public const int DefaultBoundsCellLimit = 500;

    public static ProtectedPattern Run(ProtectionProblem problem, DisclosurePolicy policy, TimeSpan modelEffort, CancellationToken cancellationToken = default) =>
        Run(problem, policy, modelEffort, DefaultBoundsCellLimit, cancellationToken);

    /// <summary>
    /// Finds and audits the pattern. <paramref name="modelEffort"/> is the optimisation model's budget in the solver's
    /// deterministic seconds (zero: the heuristic alone); a wall-clock guard far beyond it fails the search with a
    /// <see cref="DisclosureException"/>. The final audit computes exact bounds when the pattern suppresses at most
    /// <paramref name="boundsCellLimit"/> cells (<see cref="int.MaxValue"/>: always, 0: only for a pattern without any).
    /// </summary>
    public static ProtectedPattern Run(
        ProtectionProblem problem, DisclosurePolicy policy, TimeSpan modelEffort, int boundsCellLimit, CancellationToken cancellationToken = default) =>
        WallClockGuard.Run(
            WallClockGuard.For(modelEffort), cancellationToken, token => Search(problem, policy, modelEffort.TotalSeconds, boundsCellLimit, token));

    /// <summary>The search under a token that the caller's wall-clock guard cancels.</summary>
    internal static ProtectedPattern Search(
        ProtectionProblem problem, DisclosurePolicy policy, double modelEffort, int boundsCellLimit, CancellationToken cancellationToken)
    {
        var roles = PrimarySuppression.Classify(problem, policy);
        if (!roles.Contains(CellRole.Primary))
        {
            var nothing = new bool[problem.CellCount];
            return new ProtectedPattern(nothing, roles, SuppressionAudit.Run(problem, nothing, policy, AuditDepth.ExactBounds, cancellationToken), 0, 0, true, false);
        }

        var start = roles.Select(r => r == CellRole.Primary).ToArray();
        GreedySuppression.EnforceRelationRules(problem, start, policy);
        var learnt = new List<SuppressionCut>();
        var iterations = 0;
        var (heuristic, heuristicAudit, work) = Secure(problem, policy, start, null, learnt, ref iterations, cancellationToken);
        (heuristic, heuristicAudit) = Improve(problem, policy, roles, heuristic, heuristicAudit, work, learnt, ref iterations, cancellationToken);
        var best = new Candidate(heuristic, heuristicAudit, Proven: false);
        // A model round is audited in full. When one full audit costs more than the rounds may spend (tables of many
        // thousand cells), the model gets one round and the repair follows it; held near the heuristic's pattern it would
        // end near it, so there the model starts afresh from the start pattern, and the cheaper safe pattern still wins.
        var fresh = work > (long)(modelEffort * ModelAuditWorkPerSecond);
        if (modelEffort > 0 && Optimise(problem, policy, roles, heuristic, fresh ? start : null, modelEffort, learnt, ref iterations, cancellationToken) is { } optimised)
        {
            var weights = SecondarySuppression.Weights(problem, roles, policy);
            var modelLoss = Loss(weights, optimised.Pattern);
            var heuristicLoss = Loss(weights, heuristic);
            best = modelLoss < heuristicLoss ? optimised
                : optimised.Proven && modelLoss == heuristicLoss ? best with { Proven = true }
                : best;
        }

        return Release(problem, policy, roles, best, iterations, learnt, boundsCellLimit, cancellationToken);
    }

    /// <summary>A pattern that passed the verifying audit, and whether the model proved it optimal.</summary>
    private sealed record Candidate(bool[] Pattern, AuditResult Audit, bool Proven);

    /// <summary>
    /// The model's rounds from the heuristic's pattern, which is their hint and, by its loss, their upper bound, or, given
    /// <paramref name="fresh"/>, from that start pattern without either: null when the model found nothing the heuristic
    /// had not (no pattern, or none cheaper to repair). Cuts learnt go to <paramref name="learnt"/>.
    /// </summary>
    private static Candidate? Optimise(
        ProtectionProblem problem, DisclosurePolicy policy, CellRole[] roles, bool[] heuristic, bool[]? fresh, double modelEffort,
        List<SuppressionCut> learnt, ref int iterations, CancellationToken cancellationToken)
    {
        var model = new SecondarySuppression(problem, roles, policy);

        // Cuts are necessary conditions of every safe pattern: the heuristic's pattern meets them all and stays feasible.
        if (fresh is null && !learnt.All(model.AddCut))
        {
            return null;
        }

        if (fresh is null)
        {
            model.RequireNoWorseThan(heuristic);
        }

        var hint = fresh ?? heuristic;
        bool[]? last = null;
        AuditResult? lastAudit = null;
        var auditWork = 0L;
        var auditBudget = (long)(modelEffort * ModelAuditWorkPerSecond);
        for (var round = 0; round < MaxModelRounds && model.DeterministicTime < modelEffort && auditWork < auditBudget; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            var solution = model.Solve(Math.Min(model.EffortPerSolve, modelEffort - model.DeterministicTime), last ?? hint, cancellationToken);
            if (solution is null)
            {
                break;
            }

            last = solution;
            var audit = lastAudit = SuppressionAudit.Run(problem, solution, policy, AuditDepth.Verify, cancellationToken);
            auditWork += ImprovementBudget.Work(audit);
            if (audit.Passed)
            {
                if (model.LastSolveOptimal)
                {
                    return new Candidate(solution, audit, Proven: true);
                }

                var (improved, improvedAudit) = Improve(problem, policy, roles, solution, audit, ImprovementBudget.Work(audit), learnt, ref iterations, cancellationToken);
                return new Candidate(improved, improvedAudit, Proven: false);
            }

            var cuts = audit.Failures.Select(f => f.Cut).ToArray();
            learnt.AddRange(cuts);
            if (!cuts.All(model.AddCut))
            {
                break;
            }
        }

        var weights = SecondarySuppression.Weights(problem, roles, policy);
        if (last is null || Loss(weights, last) >= Loss(weights, heuristic))
        {
            return null; // repairing would only add cells to a pattern that already costs what the heuristic's does
        }

        // The last round's audit is the repair's first: the pattern is audited once. The repair only adds cells, so when
        // no improvement follows it (the audit costs too much) it stops as soon as it costs what the heuristic's does.
        var ceiling = ImprovementBudget.For(ImprovementBudget.Work(lastAudit!)) is null ? Loss(weights, heuristic) : long.MaxValue;
        var (repaired, repairedAudit, work) = Secure(problem, policy, last, lastAudit, learnt, ref iterations, cancellationToken, weights, ceiling);
        if (repaired is null)
        {
            return null;
        }

        var (pattern, passed) = Improve(problem, policy, roles, repaired, repairedAudit!, work, learnt, ref iterations, cancellationToken);
        return new Candidate(pattern, passed, Proven: false);
    }

    /// <summary>Improves a pattern that passed the verifying audit when that is worth its cost (see <see cref="ImprovementBudget"/>).</summary>
    private static (bool[] Pattern, AuditResult Audit) Improve(
        ProtectionProblem problem, DisclosurePolicy policy, CellRole[] roles, bool[] pattern, AuditResult audit, long fullAuditWork,
        List<SuppressionCut> learnt, ref int iterations, CancellationToken cancellationToken)
    {
        if (ImprovementBudget.For(fullAuditWork) is not { } budget)
        {
            return (pattern, audit);
        }

        var improvement = PatternImprovement.Improve(problem, policy, roles, pattern, audit, learnt, budget, cancellationToken);
        iterations += improvement.Audits;
        return (improvement.Pattern, improvement.Audit);
    }

    /// <summary>The final audit of the chosen pattern, repairing on from whatever it finds that the verifying audits let pass.</summary>
    private static ProtectedPattern Release(
        ProtectionProblem problem, DisclosurePolicy policy, CellRole[] roles, Candidate chosen, int iterations, List<SuppressionCut> learnt,
        int boundsCellLimit, CancellationToken cancellationToken)
    {
        var (pattern, audit) = (chosen.Pattern, chosen.Audit);
        var proven = chosen.Proven;
        while (true)
        {
            var final = Final(problem, pattern, policy, boundsCellLimit, audit, cancellationToken);
            if (final.Passed)
            {
                return new ProtectedPattern(pattern, roles, final, iterations, learnt.Count, proven, UsedFallback: !proven);
            }

            proven = false;
            (pattern, audit, _) = Secure(problem, policy, pattern, final, learnt, ref iterations, cancellationToken);
        }
    }

    private static long Loss(long[] weights, bool[] pattern)
    {
        var loss = 0L;
        for (var c = 0; c < weights.Length; c++)
        {
            loss += pattern[c] ? weights[c] : 0;
        }

        return loss;
    }

    /// <summary>
    /// Hides more until the verifying audit passes, and returns the pattern with that audit and the work of the first
    /// audit (see <see cref="ImprovementBudget.Work"/>). It always ends (each round hides at least one more cell), and after
    /// its first round only failed and newly hidden cells are audited again. A <paramref name="failed"/> audit of the
    /// pattern, when given, stands for the first round. Every failure's cut is added to <paramref name="learnt"/>.
    /// </summary>
    private static (bool[] Pattern, AuditResult Audit, long FirstAuditWork) Secure(
        ProtectionProblem problem, DisclosurePolicy policy, bool[] pattern, AuditResult? failed, List<SuppressionCut> learnt, ref int iterations,
        CancellationToken cancellationToken)
    {
        var (secured, audit, work) = Secure(problem, policy, pattern, failed, learnt, ref iterations, cancellationToken, weights: null, long.MaxValue);
        return (secured!, audit!, work);
    }

    /// <summary>Like the above, but it gives up (null) once the pattern costs <paramref name="ceiling"/> or more by <paramref name="weights"/>.</summary>
    private static (bool[]? Pattern, AuditResult? Audit, long FirstAuditWork) Secure(
        ProtectionProblem problem, DisclosurePolicy policy, bool[] pattern, AuditResult? failed, List<SuppressionCut> learnt, ref int iterations,
        CancellationToken cancellationToken, long[]? weights, long ceiling)
    {
        pattern = (bool[])pattern.Clone();
        var safe = new bool[problem.CellCount];
        var firstWork = -1L;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            var audit = failed ?? SuppressionAudit.Run(problem, pattern, policy, AuditDepth.Verify, safe, cancellationToken);
            failed = null;
            firstWork = firstWork < 0 ? ImprovementBudget.Work(audit) : firstWork;
            if (audit.Passed)
            {
                return (pattern, audit, firstWork);
            }

            learnt.AddRange(audit.Failures.Select(f => f.Cut));
            var failedCells = audit.Failures.Select(f => f.Cell).ToHashSet();
            for (var c = 0; c < safe.Length; c++)
            {
                safe[c] = pattern[c] && !failedCells.Contains(c);
            }

            var before = (bool[])pattern.Clone();
            GreedySuppression.Extend(problem, pattern, audit.Failures, policy);
            if (weights is not null && Loss(weights, pattern) >= ceiling)
            {
                return (null, null, firstWork);
            }

            for (var c = 0; c < pattern.Length; c++)
            {
                if (pattern[c] && !before[c] && PrimarySuppression.IsSingleton(problem.Values[c]))
                {
                    // A newly hidden singleton brings a new attacker (its holder): everything is audited again.
                    Array.Clear(safe);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The release is judged by the audit of the final pattern: with exact bounds for the report when the pattern is
    /// small enough, otherwise the verifying audit just passed (together with the earlier rounds whose safe cells it skipped).
    /// </summary>
    private static AuditResult Final(
        ProtectionProblem problem, bool[] pattern, DisclosurePolicy policy, int boundsCellLimit, AuditResult verify, CancellationToken cancellationToken) =>
        pattern.Count(hidden => hidden) <= boundsCellLimit
            ? SuppressionAudit.Run(problem, pattern, policy, AuditDepth.ExactBounds, cancellationToken)
            : verify;
}
