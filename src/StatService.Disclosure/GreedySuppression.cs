using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The safe fallback when the optimisation cannot finish: grow the pattern one cheap cell at a time
/// until the audit passes. It always ends: each round hides at least one more cell, and hiding every
/// non-zero cell is safe, because any person (other than an attacking singleton) could be counted
/// any number of times more without contradicting a published cell.
/// </summary>
public static class GreedySuppression
{
    /// <summary>Suppresses further cells until every relation rule holds.</summary>
    public static void EnforceRelationRules(ProtectionProblem problem, bool[] suppressed, DisclosurePolicy policy)
    {
        var queue = new Queue<int>(Enumerable.Range(0, problem.RelationCount));
        var queued = new bool[problem.RelationCount];
        Array.Fill(queued, true);
        while (queue.TryDequeue(out var relation))
        {
            queued[relation] = false;
            while (RelationRules.IsViolated(problem, suppressed, policy, relation, out var remedy))
            {
                if (remedy < 0)
                {
                    throw new DisclosureException("A relation of the table cannot be protected by suppressing more cells.");
                }

                suppressed[remedy] = true;
                foreach (var other in problem.RelationsOf(remedy))
                {
                    if (!queued[other] && other != relation)
                    {
                        queued[other] = true;
                        queue.Enqueue(other);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Answers every audit failure with one more suppression: the cheapest cell its cut names, or else
    /// the smallest published cell of the failing cell's relations; then restores the relation rules.
    /// </summary>
    public static void Extend(ProtectionProblem problem, bool[] suppressed, IReadOnlyList<AuditFailure> failures, DisclosurePolicy policy)
    {
        var added = 0;
        foreach (var failure in failures)
        {
            if (failure.Cut.IsSatisfiedBy(suppressed))
            {
                continue; // answered by a cell added for an earlier failure
            }

            var cell = Cheapest(problem, suppressed, policy, failure.Cut);
            if (cell < 0)
            {
                var neighbours = new List<int>();
                foreach (var relation in problem.RelationsOf(failure.Cell))
                {
                    neighbours.AddRange(problem.RelationCells(relation).ToArray());
                }

                cell = Smallest(problem, suppressed, policy, neighbours);
            }

            if (cell >= 0)
            {
                suppressed[cell] = true;
                added++;
            }
        }

        if (added == 0)
        {
            throw new DisclosureException("The table cannot be protected: the audit fails and no further cell can be suppressed.");
        }

        EnforceRelationRules(problem, suppressed, policy);
    }

    /// <summary>The smallest cell that satisfies the cut alone, or else the one that helps most.</summary>
    private static int Cheapest(ProtectionProblem problem, bool[] suppressed, DisclosurePolicy policy, SuppressionCut cut)
    {
        var values = problem.Values;
        var best = -1;
        var bestWeight = 0;
        for (var i = 0; i < cut.Cells.Count; i++)
        {
            var c = cut.Cells[i];
            if (suppressed[c] || !PrimarySuppression.CanBeSuppressed(values[c], policy))
            {
                continue;
            }

            var weight = Math.Min(cut.Weights[i], cut.Required);
            if (best < 0 || weight > bestWeight || (weight == bestWeight && values[c] < values[best]))
            {
                (best, bestWeight) = (c, weight);
            }
        }

        return best;
    }

    private static int Smallest(ProtectionProblem problem, bool[] suppressed, DisclosurePolicy policy, IEnumerable<int> cells)
    {
        var values = problem.Values;
        var best = -1;
        foreach (var c in cells)
        {
            if (!suppressed[c] && PrimarySuppression.CanBeSuppressed(values[c], policy)
                && (best < 0 || values[c] < values[best] || (values[c] == values[best] && c < best)))
            {
                best = c;
            }
        }

        return best;
    }
}
