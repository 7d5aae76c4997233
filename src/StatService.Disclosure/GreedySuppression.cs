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
    /// Answers the audit failures with as few further suppressions as it can: one cut per failure names the cells
    /// that could help and how much, and cells are taken greedily by how much of the open cuts they meet together
    /// (a cell that helps several failing cells at once first, the smaller value on ties). A failure whose cut no
    /// cell can meet gets the smallest published cell of its relations. Then the relation rules are restored.
    /// </summary>
    public static void Extend(ProtectionProblem problem, bool[] suppressed, IReadOnlyList<AuditFailure> failures, DisclosurePolicy policy)
    {
        var added = 0;
        var deficit = new long[failures.Count];
        var open = new List<int>();
        for (var f = 0; f < failures.Count; f++)
        {
            deficit[f] = failures[f].Cut.Deficit(suppressed);
            if (deficit[f] > 0)
            {
                open.Add(f);
            }
        }

        var values = problem.Values;
        var coverage = new Dictionary<int, double>();
        while (open.Count > 0)
        {
            coverage.Clear();
            foreach (var f in open)
            {
                var cut = failures[f].Cut;
                for (var i = 0; i < cut.Cells.Count; i++)
                {
                    var c = cut.Cells[i];
                    if (!suppressed[c] && PrimarySuppression.CanBeSuppressed(values[c], policy))
                    {
                        coverage[c] = coverage.GetValueOrDefault(c) + (double)Math.Min(cut.Weights[i], deficit[f]) / deficit[f];
                    }
                }
            }

            var best = -1;
            foreach (var (c, covered) in coverage)
            {
                if (best < 0 || covered > coverage[best] + 1e-9 || (Math.Abs(covered - coverage[best]) <= 1e-9 && (values[c] < values[best] || (values[c] == values[best] && c < best))))
                {
                    best = c;
                }
            }

            if (best < 0)
            {
                // No cut names a cell that can still be hidden: widen around the failing cells instead.
                foreach (var f in open)
                {
                    var neighbours = new List<int>();
                    foreach (var relation in problem.RelationsOf(failures[f].Cell))
                    {
                        neighbours.AddRange(problem.RelationCells(relation).ToArray());
                    }

                    if (Smallest(problem, suppressed, policy, neighbours) is var cell and >= 0)
                    {
                        suppressed[cell] = true;
                        added++;
                    }
                }

                break;
            }

            suppressed[best] = true;
            added++;
            open.RemoveAll(f => (deficit[f] = failures[f].Cut.Deficit(suppressed)) <= 0);
        }

        if (added == 0)
        {
            throw new DisclosureException("The table cannot be protected: the audit fails and no further cell can be suppressed.");
        }

        EnforceRelationRules(problem, suppressed, policy);
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
