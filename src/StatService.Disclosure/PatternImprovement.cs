using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// Large-neighbourhood search over a safe pattern. The greedy repair answers each failure with one cheap cell wherever
/// it is, often a margin over the whole table where a few cells within one part would do; here one part of the table at
/// a time is optimised again with the model (every cell outside held at its value in the pattern, every cut learnt so
/// far kept), and a cheaper pattern replaces the current one once it passes the audit. Cuts are necessary conditions of
/// every safe pattern, so those learnt from any audit keep their worth in every neighbourhood.
/// </summary>
internal static class PatternImprovement
{
    /// <summary>Models solved in one neighbourhood, each after the last one's candidate failed and left its cuts.</summary>
    private const int RoundsPerNeighbourhood = 4;

    /// <summary>Neighbourhoods grow (doubling) to this many times the budget's size once the smaller ones are exhausted.</summary>
    private const int MaxGrowth = 4;

    /// <summary>The improved pattern with the audit it passed (the given ones when nothing cheaper passed), and the effort spent.</summary>
    public sealed record Result(bool[] Pattern, AuditResult Audit, bool Changed, int Neighbourhoods, int Audits);

    /// <summary>
    /// Improves <paramref name="pattern"/>, which passed <paramref name="audit"/>. A candidate is first audited near the
    /// cells it changed, which finds most failures at a fraction of the cost, and then in every component of hidden cells
    /// the change touched: the audit treats each component on its own, so one the current pattern has as well, cell for
    /// cell, fares exactly as it did before. A candidate is taken only when that audit passes, so the result, with the
    /// audits of the components it kept, is audited in full. Every cut learnt here is added to <paramref name="learnt"/>.
    /// Effort is counted, so runs repeat exactly.
    /// </summary>
    public static Result Improve(
        ProtectionProblem problem, DisclosurePolicy policy, CellRole[] roles, bool[] pattern, AuditResult audit, List<SuppressionCut> learnt,
        ImprovementBudget budget, CancellationToken cancellationToken)
    {
        var best = pattern;
        var bestAudit = audit;
        var bestComponents = SuppressedComponents.Split(problem, best);
        var weights = SecondarySuppression.Weights(problem, roles, policy);
        var pool = new CutPool(problem.CellCount, learnt);
        int neighbourhoods = 0, audits = 0;
        var work = 0L;
        var effort = 0.0;

        // A neighbourhood searched in vain is searched again only once a cell its model reads has changed.
        var changedAt = new int[problem.CellCount];
        var step = 0;
        var searched = new Dictionary<int, (int Step, int[] Free)>();
        var seen = new HashSet<(int, string)>();
        var size = budget.FreeCells;
        while (true)
        {
            // One pass tries every complement of the pattern as it stood at the start of the pass.
            var improved = false;
            foreach (var seed in Seeds(problem, roles, best))
            {
                if (effort >= budget.DeterministicTime || work >= budget.AuditWork)
                {
                    return Done();
                }

                if (!best[seed] || (searched.TryGetValue(seed, out var last) && !ChangedSince(problem, changedAt, last.Free, last.Step)))
                {
                    continue;
                }

                var free = Neighbourhood.Around(problem, roles, best, seed, size);
                searched[seed] = (step, free);
                if (!seen.Add((step, string.Join(',', free))))
                {
                    continue; // another seed's cells, around the same pattern
                }

                neighbourhoods++;
                var model = new SecondarySuppression(problem, roles, policy, weights, best, free);
                if (!pool.Touching(free).All(model.AddCut))
                {
                    continue;
                }

                model.RequireCheaperThan(best);
                for (var round = 0; round < RoundsPerNeighbourhood && effort < budget.DeterministicTime && work < budget.AuditWork; round++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var spent = model.DeterministicTime;
                    // No hint: the current pattern breaks the demand for a cheaper one, and CP-SAT 9.15 with interleaved
                    // workers aborts the process when such a hint meets a model it proves infeasible.
                    var candidate = model.Solve(model.EffortPerSolve, default, cancellationToken);
                    effort += model.DeterministicTime - spent;
                    if (candidate is null)
                    {
                        break; // nothing cheaper here
                    }

                    var check = SuppressionAudit.Run(problem, candidate, policy, AuditDepth.Verify, Far(problem, best, candidate), cancellationToken);
                    audits++;
                    work += ImprovementBudget.Work(check);
                    SuppressedComponents? components = null;
                    if (check.Passed)
                    {
                        components = SuppressedComponents.Split(problem, candidate);
                        check = SuppressionAudit.Run(problem, candidate, policy, AuditDepth.Verify, Unchanged(bestComponents, components, candidate), cancellationToken);
                        audits++;
                        work += ImprovementBudget.Work(check);
                    }

                    if (check.Passed)
                    {
                        step++;
                        for (var c = 0; c < candidate.Length; c++)
                        {
                            changedAt[c] = candidate[c] != best[c] ? step : changedAt[c];
                        }

                        (best, bestAudit, bestComponents, improved) = (candidate, check, components!, true);
                        break;
                    }

                    var cuts = check.Failures.Select(f => f.Cut).ToArray();
                    learnt.AddRange(cuts);
                    pool.AddRange(cuts);
                    if (!cuts.All(model.AddCut))
                    {
                        break;
                    }
                }
            }

            if (!improved)
            {
                // Nothing cheaper within neighbourhoods of this size: larger ones see trades across more of the table.
                if (size >= MaxGrowth * budget.FreeCells)
                {
                    return Done();
                }

                size *= 2;
                searched.Clear();
            }
        }

        Result Done() => new(best, bestAudit, !ReferenceEquals(best, pattern), neighbourhoods, audits);
    }

    /// <summary>The pattern's complements, largest first: margins that a few small cells could replace.</summary>
    private static int[] Seeds(ProtectionProblem problem, CellRole[] roles, bool[] pattern)
    {
        var values = problem.Values.ToArray();
        return Enumerable.Range(0, pattern.Length)
            .Where(c => pattern[c] && roles[c] == CellRole.Candidate)
            .OrderByDescending(c => values[c])
            .ThenBy(c => c)
            .ToArray();
    }

    /// <summary>Whether a cell the model over <paramref name="free"/> reads (those cells and the others of their relations) changed after <paramref name="step"/>.</summary>
    private static bool ChangedSince(ProtectionProblem problem, int[] changedAt, int[] free, int step)
    {
        foreach (var cell in free)
        {
            foreach (var relation in problem.RelationsOf(cell))
            {
                foreach (var other in problem.RelationCells(relation))
                {
                    if (changedAt[other] > step)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The hidden cells of <paramref name="candidate"/> that share no relation with a cell it changed: an audit that skips
    /// them looks where a change most likely opens a failure. It only screens a candidate, it never clears one.
    /// </summary>
    private static bool[] Far(ProtectionProblem problem, bool[] best, bool[] candidate)
    {
        var near = new bool[problem.CellCount];
        for (var c = 0; c < candidate.Length; c++)
        {
            if (candidate[c] == best[c])
            {
                continue;
            }

            foreach (var relation in problem.RelationsOf(c))
            {
                foreach (var other in problem.RelationCells(relation))
                {
                    near[other] = true;
                }
            }
        }

        var far = new bool[candidate.Length];
        for (var c = 0; c < far.Length; c++)
        {
            far[c] = candidate[c] && !near[c];
        }

        return far;
    }

    /// <summary>
    /// The cells of <paramref name="candidate"/> in a component of hidden cells that <paramref name="before"/> has too, cell
    /// for cell. No relation joins two components, so every other hidden cell is a constant to the audit of one: such a
    /// component's audit comes out as it did for the pattern that passed.
    /// </summary>
    private static bool[] Unchanged(SuppressedComponents before, SuppressedComponents after, bool[] candidate)
    {
        var skip = new bool[candidate.Length];
        for (var k = 0; k < after.Count; k++)
        {
            var cells = after.Cells(k);
            var old = before.ComponentOf(cells[0]);
            if (old >= 0 && before.Cells(old).SequenceEqual(cells))
            {
                foreach (var c in cells)
                {
                    skip[c] = true;
                }
            }
        }

        return skip;
    }
}
