using System.Diagnostics;
using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// Finds the pattern for one problem: optimise the model, audit the pattern, turn every failure into
/// a cut and optimise again, until the audit passes. When the model cannot answer (infeasible, out of
/// time or rounds, a cut it cannot state) the greedy fallback takes over from the last pattern. The final
/// pattern is audited once more in full, and nothing unaudited is ever returned.
/// </summary>
public static class PatternSearch
{
    /// <summary>
    /// Rounds of optimise-audit-cut before the greedy fallback finishes the job. A count, not a
    /// clock, so that the same table always ends the same way.
    /// </summary>
    public const int MaxModelRounds = 40;

    public static ProtectedPattern Run(ProtectionProblem problem, DisclosurePolicy policy, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var roles = PrimarySuppression.Classify(problem, policy);
        if (!roles.Contains(CellRole.Primary))
        {
            var nothing = new bool[problem.CellCount];
            return new ProtectedPattern(nothing, roles, SuppressionAudit.Run(problem, nothing, policy, AuditDepth.ExactBounds, cancellationToken), 0, 0, true, false);
        }

        var model = new SecondarySuppression(problem, roles, policy);
        bool[]? pattern = null;
        var fallback = false;
        var iterations = 0;
        var optimal = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            var remaining = timeLimit - clock.Elapsed;
            if (!fallback && remaining > TimeSpan.Zero && iterations <= MaxModelRounds)
            {
                var solution = model.Solve(remaining, pattern, cancellationToken);
                fallback = solution is null;
                pattern = solution ?? pattern;
                optimal = model.LastSolveOptimal;
            }
            else
            {
                fallback = true;
            }

            if (pattern is null)
            {
                pattern = roles.Select(r => r == CellRole.Primary).ToArray();
                GreedySuppression.EnforceRelationRules(problem, pattern, policy);
            }

            var audit = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.Verify, cancellationToken);
            if (audit.Passed)
            {
                // The release is judged by a full audit of the final pattern, never by the quick one.
                audit = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.ExactBounds, cancellationToken);
                if (audit.Passed)
                {
                    return new ProtectedPattern(pattern, roles, audit, iterations, model.CutCount, optimal, fallback);
                }
            }

            if (!fallback)
            {
                foreach (var failure in audit.Failures)
                {
                    fallback |= !model.AddCut(failure.Cut);
                }
            }

            if (fallback)
            {
                optimal = false;
                GreedySuppression.Extend(problem, pattern, audit.Failures, policy);
            }
        }
    }
}
