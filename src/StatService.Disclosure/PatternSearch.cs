using System.Diagnostics;
using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// Finds the pattern for one problem within a time limit. A heuristic start (primaries plus what the relation
/// rules demand) seeds the optimisation model as a hint; the model's pattern is audited, every failure becomes a
/// cut, and the model is solved again while time remains. When the model cannot answer (out of time or rounds,
/// infeasible, a cut it cannot state), the heuristic repair takes over from the last pattern: it hides one cheap cell
/// per failure and re-audits only the cells that can have changed; its pattern is then improved one neighbourhood at a
/// time (<see cref="PatternImprovement"/>). Every cell of the final pattern is audited, after the limit if need be, and
/// nothing unaudited is ever returned: a cell the repair skips passed an audit of a smaller pattern against the same
/// attackers, and hiding more cells only widens what each of them cannot rule out; a cell the improvement's audit skips
/// lies in a group of suppressions, joined by relations, that the pattern it improved on has as well, cell for cell,
/// and each group is audited on its own.
/// </summary>
public static class PatternSearch
{
    /// <summary>
    /// Rounds of optimise-audit-cut before the repair finishes the job: a count as well as a clock, so that a
    /// table solved well within its time always ends the same way.
    /// </summary>
    public const int MaxModelRounds = 40;

    /// <summary>
    /// Up to this many suppressed cells the final audit also computes every suppressed cell's exact bounds for the
    /// report (two programs per cell); above it the final audit only verifies, which is just as safe and far cheaper.
    /// </summary>
    public const int DefaultBoundsCellLimit = 500;

    public static ProtectedPattern Run(ProtectionProblem problem, DisclosurePolicy policy, TimeSpan timeLimit, CancellationToken cancellationToken = default) =>
        Run(problem, policy, timeLimit, DefaultBoundsCellLimit, cancellationToken);

    /// <summary>
    /// Finds and audits the pattern; the final audit computes exact bounds when the pattern suppresses at most
    /// <paramref name="boundsCellLimit"/> cells (<see cref="int.MaxValue"/>: always, 0: only for a pattern without any).
    /// </summary>
    public static ProtectedPattern Run(
        ProtectionProblem problem, DisclosurePolicy policy, TimeSpan timeLimit, int boundsCellLimit, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var roles = PrimarySuppression.Classify(problem, policy);
        if (!roles.Contains(CellRole.Primary))
        {
            var nothing = new bool[problem.CellCount];
            return new ProtectedPattern(nothing, roles, SuppressionAudit.Run(problem, nothing, policy, AuditDepth.ExactBounds, cancellationToken), 0, 0, true, false);
        }

        var start = roles.Select(r => r == CellRole.Primary).ToArray();
        GreedySuppression.EnforceRelationRules(problem, start, policy);
        var iterations = 0;
        var cuts = 0;
        bool[]? pattern = null;
        SecondarySuppression? model = null;
        if (timeLimit > TimeSpan.Zero)
        {
            model = new SecondarySuppression(problem, roles, policy);
            while (iterations < MaxModelRounds && timeLimit - clock.Elapsed is var remaining && remaining > TimeSpan.Zero)
            {
                cancellationToken.ThrowIfCancellationRequested();
                iterations++;
                var solution = model.Solve(remaining, pattern ?? start, cancellationToken);
                if (solution is null)
                {
                    break;
                }

                pattern = solution;
                var audit = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.Verify, cancellationToken);
                if (audit.Passed && !model.LastSolveOptimal)
                {
                    // Stopped by the clock before proving its pattern: the model's safe pattern is improved as the repair's is.
                    return Finish(
                        problem, policy, roles, pattern, audit, ImprovementBudget.Work(audit), TimeSpan.Zero, iterations, model.CutCount, model.Cuts,
                        fallback: false, boundsCellLimit, cancellationToken);
                }

                if (audit.Passed)
                {
                    audit = Final(problem, pattern, policy, boundsCellLimit, audit, cancellationToken);
                    if (audit.Passed)
                    {
                        return new ProtectedPattern(pattern, roles, audit, iterations, model.CutCount, model.LastSolveOptimal, false);
                    }
                }

                if (!audit.Failures.All(f => model.AddCut(f.Cut)))
                {
                    break;
                }

                cuts = model.CutCount;
            }
        }

        return Repair(problem, policy, roles, pattern ?? start, iterations, cuts, model?.Cuts ?? [], boundsCellLimit, cancellationToken);
    }

    /// <summary>
    /// The heuristic: hide more until the audit passes, then improve the pattern one neighbourhood at a time (see
    /// <see cref="PatternImprovement"/>), guided by the failures' cuts and those of the model if there was one.
    /// </summary>
    private static ProtectedPattern Repair(
        ProtectionProblem problem, DisclosurePolicy policy, CellRole[] roles, bool[] pattern, int iterations, int cuts,
        IReadOnlyList<SuppressionCut> modelCuts, int boundsCellLimit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var learnt = new List<SuppressionCut>(modelCuts);
        var (repaired, audit, fullAuditWork) = Secure(problem, policy, pattern, null, learnt, ref iterations, cancellationToken);
        return Finish(
            problem, policy, roles, repaired, audit, fullAuditWork, clock.Elapsed, iterations, cuts + learnt.Count - modelCuts.Count, learnt, fallback: true,
            boundsCellLimit, cancellationToken);
    }

    /// <summary>
    /// Improves a pattern that passed the verifying audit, when that is worth its cost (see <see cref="ImprovementBudget"/>),
    /// and gives the final audit. <paramref name="learnt"/> holds every cut known so far, the first <paramref name="cuts"/>
    /// of them counted already.
    /// </summary>
    private static ProtectedPattern Finish(
        ProtectionProblem problem, DisclosurePolicy policy, CellRole[] roles, bool[] pattern, AuditResult audit, long fullAuditWork,
        TimeSpan spent, int iterations, int cuts, IReadOnlyList<SuppressionCut> learnt, bool fallback, int boundsCellLimit,
        CancellationToken cancellationToken)
    {
        var known = learnt.Count;
        var all = new List<SuppressionCut>(learnt);
        if (ImprovementBudget.For(fullAuditWork, spent) is { } budget)
        {
            var improvement = PatternImprovement.Improve(problem, policy, roles, pattern, audit, all, budget, cancellationToken);
            (pattern, audit) = (improvement.Pattern, improvement.Audit);
            iterations += improvement.Audits;
        }

        while (true)
        {
            var final = Final(problem, pattern, policy, boundsCellLimit, audit, cancellationToken);
            if (final.Passed)
            {
                return new ProtectedPattern(pattern, roles, final, iterations, cuts + all.Count - known, false, fallback);
            }

            // The exact audit found what the verifying ones let pass: repair on from its failures.
            (pattern, audit, _) = Secure(problem, policy, pattern, final, all, ref iterations, cancellationToken);
        }
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
