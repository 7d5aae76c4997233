namespace StatService.Disclosure;

/// <summary>
/// The part of a table one improvement step may change: the candidate cells near a seed cell, reached through
/// shared relations (first the seed's relations, then theirs), up to a size. A wasteful complement is usually
/// replaceable by cells a relation or two away, so that is where its alternatives are looked for.
/// </summary>
internal static class Neighbourhood
{
    /// <summary>
    /// Gives, in ascending order, up to <paramref name="maxFree"/> candidate cells around <paramref name="seed"/>. Relations are walked
    /// breadth first, those of hidden cells before the others at each distance: the relations of the pattern's hidden
    /// cells are where a complement can be traded for another.
    /// </summary>
    public static int[] Around(ProtectionProblem problem, CellRole[] roles, ReadOnlySpan<bool> pattern, int seed, int maxFree)
    {
        var free = new List<int>();
        var reached = new bool[problem.CellCount];
        var walked = new bool[problem.RelationCount];
        reached[seed] = true;
        Take(seed);
        var frontier = new List<int> { seed };
        while (frontier.Count > 0 && free.Count < maxFree)
        {
            var next = new List<int>();
            foreach (var hiddenFirst in new[] { true, false })
            {
                foreach (var cell in frontier)
                {
                    if (pattern[cell] != hiddenFirst)
                    {
                        continue;
                    }

                    foreach (var relation in problem.RelationsOf(cell))
                    {
                        if (walked[relation])
                        {
                            continue;
                        }

                        walked[relation] = true;
                        foreach (var other in problem.RelationCells(relation))
                        {
                            if (!reached[other])
                            {
                                reached[other] = true;
                                next.Add(other);
                                Take(other);
                            }
                        }

                        if (free.Count >= maxFree)
                        {
                            return [.. free.Order()];
                        }
                    }
                }
            }

            frontier = next;
        }

        return [.. free.Order()];

        void Take(int cell)
        {
            if (roles[cell] == CellRole.Candidate)
            {
                free.Add(cell);
            }
        }
    }
}
