using System.Diagnostics;
using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// Finds the pattern for one problem: optimise the model, audit the pattern, turn every failure into
/// a cut and optimise again, until the audit passes. When the model cannot answer (infeasible, out of
/// time, a cut it cannot state) the greedy fallback takes over from the last pattern. The final
/// pattern is audited once more in full, and nothing unaudited is ever returned.
/// </summary>
public static class PatternSearch
{
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
            if (!fallback && remaining > TimeSpan.Zero)
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
                break;
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

        var final = SuppressionAudit.Run(problem, pattern, policy, AuditDepth.ExactBounds, cancellationToken);
        if (!final.Passed)
        {
            throw new DisclosureException("The final audit of the suppression pattern failed; nothing may be released.");
        }

        return new ProtectedPattern(pattern, roles, final, iterations, model.CutCount, optimal, fallback);
    }
}
