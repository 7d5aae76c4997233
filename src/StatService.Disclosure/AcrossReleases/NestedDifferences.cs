using StatService.Core.Disclosure;
using StatService.Core.Ledger;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// The quick half of the joint audit: a published (or bounded) cell of the new release and a cell of an earlier release
/// whose persons lie one inside the other (an exclusion added, a narrower code, a shorter period, first-ever inside any,
/// the complement of a hidden pair inside its published row) differ by a group the attacker can pin: the difference of
/// the two known intervals. A group of 1 up to the policy's maximum persons whose interval cannot reach the threshold is
/// a disclosure, blamed on the new cell. Exact set arithmetic over person places, no linear program.
/// </summary>
internal static class NestedDifferences
{
    /// <param name="withinRelease">Whether pairs of the new release's own tables are checked too.</param>
    public static List<KnownCell> Find(IReadOnlyList<AuditedTable> tables, int personCount, DisclosurePolicy policy, bool withinRelease)
    {
        var found = new List<KnownCell>();
        var distinct = new DistinctPersons(personCount);
        var sets = new CellSets[tables.Count];
        for (var t = 0; t < tables.Count; t++)
        {
            sets[t] = CellSets.Of(tables[t].Table, distinct);
        }

        // A pair whose two person sets one release already holds both of is that release's own business (its linked
        // tables were protected together): the earlier release then disclosed nothing new, or the new one is judged alone.
        var setsOf = Enumerable.Range(0, tables.Count).GroupBy(t => tables[t].Release).ToDictionary(
            g => g.Key, g => g.SelectMany(t => Constraining(tables[t].Table).Select(c => sets[t].Fingerprints[c])).ToHashSet());
        var earlierKnown = EarlierIntervals(tables, sets);
        for (var m = 0; m < tables.Count; m++)
        {
            var mine = tables[m];
            if (!mine.IsNew)
            {
                continue;
            }

            // Each person's inner cells of the new table: the one of a disjoint (additive) table, else the list.
            var mySets = sets[m];
            var cellOf = mySets.Disjoint ? InnerCellOf(mine.Table, personCount) : null;
            var cellsOf = mySets.Disjoint ? null : InnerCellsOf(mine.Table, personCount);

            // A new cell whose persons an earlier release already published at least as tightly tells the attacker nothing new.
            var newCells = Constraining(mine.Table).Where(c => !mine.Table.Cells[c].Hidden)
                .Select(c => (Index: c, Cell: mine.Table.Cells[c], Count: mySets.Counts[c], Known: KnownBefore(mine.Table.Cells[c], mySets.Fingerprints[c], earlierKnown))).ToList();
            var inInner = new int[mine.Table.Inner.Count];
            // Earlier tables, and the new release's other tables: a group profile's tables count the same persons under
            // different breakdowns, and the in-table audit sees no relation between, say, its cohort total and the total
            // of persons with any dispensing (one inside the other).
            for (var o = 0; o < tables.Count; o++)
            {
                var theirs = tables[o];
                if (o == m || !(withinRelease || !theirs.IsNew))
                {
                    continue;
                }

                // Both tables disjoint: each earlier inner cell's persons counted once by the new inner cells they are in,
                // and a cell's counts are the sums over its inner cells (no person of a margin is read again).
                var theirSets = sets[o];
                var rows = cellOf is not null && theirSets.Disjoint ? InnerOverlaps(theirs.Table, cellOf, mine.Table.Inner.Count) : null;
                for (var e = 0; e < theirs.Table.Cells.Count; e++)
                {
                    var earlier = theirs.Table.Cells[e];
                    if (!earlier.Constrains)
                    {
                        continue;
                    }

                    Array.Clear(inInner);
                    var touched = false;
                    var overlapping = false;
                    List<int>? persons = null;
                    if (rows is not null)
                    {
                        foreach (var member in earlier.Members)
                        {
                            foreach (var (inner, n) in rows[member])
                            {
                                inInner[inner] += n;
                                touched = true;
                            }
                        }
                    }
                    else
                    {
                        persons = CellSets.Persons(theirs.Table, earlier.Members, distinct);
                        foreach (var p in persons)
                        {
                            if (cellOf is not null)
                            {
                                if (cellOf[p] >= 0)
                                {
                                    touched = true;
                                    inInner[cellOf[p]]++;
                                }
                            }
                            else if (cellsOf![p] is { } inner)
                            {
                                touched = true;
                                overlapping |= inner.Count > 1;
                                foreach (var i in inner)
                                {
                                    inInner[i]++;
                                }
                            }
                        }
                    }

                    if (!touched)
                    {
                        continue;
                    }

                    var theirCount = theirSets.Counts[e];
                    foreach (var (index, cell, count, known) in newCells)
                    {
                        var common = overlapping ? CommonPersonByPerson(cell.Members, persons!, cellsOf!) : cell.Members.Sum(i => inInner[i]);
                        var (inside, outside) = common == count && theirCount > count
                            ? (cell, earlier) // the new cell inside the earlier one
                            : common == theirCount && count > theirCount ? (earlier, cell) : (null, null);
                        if (inside is null || outside is null)
                        {
                            continue;
                        }

                        var difference = Math.Abs(count - theirCount);
                        if (difference < 1 || difference > policy.MaxSensitiveCount)
                        {
                            continue;
                        }

                        if (theirs.IsNew)
                        {
                            // Both cells are this release's: blame the inner one of the pair (the larger is often the cohort total
                            // its linked tables share), or the outer one where earlier releases already published the inner; a
                            // pair earlier releases published both of adds nothing. Only the blamed cell's own table reports it,
                            // so that a pair is counted once.
                            var theirsKnown = KnownBefore(earlier, theirSets.Fingerprints[e], earlierKnown);
                            var mineIsInner = inside == cell;
                            var blamedIsMine = mineIsInner != (mineIsInner ? known : theirsKnown);
                            if (earlier.Hidden || (known && theirsKnown) || !blamedIsMine)
                            {
                                continue;
                            }
                        }
                        else if (known || setsOf[-1].Contains(theirSets.Fingerprints[e]) || setsOf[theirs.Release].Contains(mySets.Fingerprints[index]))
                        {
                            continue;
                        }

                        // The attacker's largest value of the difference: outside's ceiling minus inside's floor.
                        if (outside.High is { } high && high - inside.Low < policy.Threshold)
                        {
                            found.Add(new KnownCell(true, mine.Table.Name, cell.Cell, false));
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Positions in <see cref="PersonTable.Cells"/> of the cells whose interval says something.</summary>
    private static IEnumerable<int> Constraining(PersonTable table) => Enumerable.Range(0, table.Cells.Count).Where(c => table.Cells[c].Constrains);

    /// <summary>The tightest interval earlier releases give each person set they hold a cell of.</summary>
    private static Dictionary<Fingerprint, (long Low, long High)> EarlierIntervals(IReadOnlyList<AuditedTable> tables, CellSets[] sets)
    {
        var known = new Dictionary<Fingerprint, (long Low, long High)>();
        for (var t = 0; t < tables.Count; t++)
        {
            if (tables[t].IsNew)
            {
                continue;
            }

            foreach (var c in Constraining(tables[t].Table))
            {
                var cell = tables[t].Table.Cells[c];
                var signature = sets[t].Fingerprints[c];
                var high = cell.High ?? long.MaxValue;
                known[signature] = known.TryGetValue(signature, out var was) ? (Math.Max(was.Low, cell.Low), Math.Min(was.High, high)) : (cell.Low, high);
            }
        }

        return known;
    }

    /// <summary>Whether earlier releases gave the cell's person set (by its fingerprint) an interval at least as tight as its own.</summary>
    private static bool KnownBefore(PersonCell cell, Fingerprint signature, Dictionary<Fingerprint, (long Low, long High)> earlier) =>
        earlier.TryGetValue(signature, out var known) && known.Low >= cell.Low && known.High <= (cell.High ?? long.MaxValue);

    /// <summary>Each person's inner cell of a disjoint table, -1 for none.</summary>
    private static int[] InnerCellOf(PersonTable table, int personCount)
    {
        var cellOf = new int[personCount];
        Array.Fill(cellOf, -1);
        for (var i = 0; i < table.Inner.Count; i++)
        {
            foreach (var p in table.Inner[i])
            {
                cellOf[p] = i;
            }
        }

        return cellOf;
    }

    /// <summary>Each person's inner cells of a table whose inner cells overlap.</summary>
    private static List<int>?[] InnerCellsOf(PersonTable table, int personCount)
    {
        var cellsOf = new List<int>?[personCount];
        for (var i = 0; i < table.Inner.Count; i++)
        {
            foreach (var p in table.Inner[i])
            {
                (cellsOf[p] ??= []).Add(i);
            }
        }

        return cellsOf;
    }

    /// <summary>Per inner cell of <paramref name="table"/>: how many of its persons each inner cell of the new (disjoint) table holds.</summary>
    private static (int Inner, int Count)[][] InnerOverlaps(PersonTable table, int[] cellOf, int newInnerCount)
    {
        var counts = new int[newInnerCount];
        var hit = new List<int>();
        var rows = new (int, int)[table.Inner.Count][];
        for (var e = 0; e < table.Inner.Count; e++)
        {
            foreach (var p in table.Inner[e])
            {
                var i = cellOf[p];
                if (i >= 0 && counts[i]++ == 0)
                {
                    hit.Add(i);
                }
            }

            rows[e] = [.. hit.Select(i => (i, counts[i]))];
            foreach (var i in hit)
            {
                counts[i] = 0;
            }

            hit.Clear();
        }

        return rows;
    }

    /// <summary>Persons of the earlier cell in the new cell, where the new table's inner cells overlap (non-additive).</summary>
    private static int CommonPersonByPerson(int[] members, List<int> persons, List<int>?[] cellsOf)
    {
        var set = members.ToHashSet();
        return persons.Count(p => cellsOf[p] is { } inner && inner.Any(set.Contains));
    }
}
