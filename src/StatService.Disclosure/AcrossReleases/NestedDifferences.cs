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
        // A pair whose two person sets one release already holds both of is that release's own business (its linked
        // tables were protected together): the earlier release then disclosed nothing new, or the new one is judged alone.
        var setsOf = tables.GroupBy(t => t.Release).ToDictionary(
            g => g.Key, g => g.SelectMany(t => t.Table.Cells.Where(c => c.Constrains).Select(c => Signature(Persons(t.Table, c.Members)))).ToHashSet());
        var earlierKnown = EarlierIntervals(tables);
        foreach (var mine in tables.Where(t => t.IsNew))
        {
            // Each person's inner cells of the new table (one for an additive table).
            var cellsOf = new List<int>?[personCount];
            for (var i = 0; i < mine.Table.Inner.Count; i++)
            {
                foreach (var p in mine.Table.Inner[i])
                {
                    (cellsOf[p] ??= []).Add(i);
                }
            }

            // A new cell whose persons an earlier release already published at least as tightly tells the attacker nothing new.
            var newCells = mine.Table.Cells.Where(c => c.Constrains && !c.Hidden)
                .Select(c => (Cell: c, Count: Count(mine.Table, c.Members), Known: KnownBefore(c, mine.Table, earlierKnown))).ToList();
            var inInner = new int[mine.Table.Inner.Count];
            // Earlier tables, and the new release's other tables: a group profile's tables count the same persons under
            // different breakdowns, and the in-table audit sees no relation between, say, its cohort total and the total
            // of persons with any dispensing (one inside the other).
            foreach (var theirs in tables.Where(t => t != mine && (withinRelease || !t.IsNew)))
            {
                foreach (var earlier in theirs.Table.Cells.Where(c => c.Constrains))
                {
                    var persons = Persons(theirs.Table, earlier.Members);
                    Array.Clear(inInner);
                    var touched = false;
                    foreach (var p in persons)
                    {
                        if (cellsOf[p] is { } inner)
                        {
                            touched = true;
                            foreach (var i in inner)
                            {
                                inInner[i]++;
                            }
                        }
                    }

                    if (!touched)
                    {
                        continue;
                    }

                    var overlapping = persons.Any(p => cellsOf[p] is { Count: > 1 });

                    foreach (var (cell, count, known) in newCells)
                    {
                        var common = overlapping ? CommonPersonByPerson(cell.Members, persons, cellsOf) : cell.Members.Sum(m => inInner[m]);
                        var (inside, outside) = common == count && persons.Count > count
                            ? (cell, earlier) // the new cell inside the earlier one
                            : common == persons.Count && count > persons.Count ? (earlier, cell) : (null, null);
                        if (inside is null || outside is null)
                        {
                            continue;
                        }

                        var difference = Math.Abs(count - persons.Count);
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
                            var theirsKnown = KnownBefore(earlier, Signature(persons), earlierKnown);
                            var mineIsInner = inside == cell;
                            var blamedIsMine = mineIsInner != (mineIsInner ? known : theirsKnown);
                            if (earlier.Hidden || (known && theirsKnown) || !blamedIsMine)
                            {
                                continue;
                            }
                        }
                        else if (known || setsOf[-1].Contains(Signature(persons)) || setsOf[theirs.Release].Contains(Signature(Persons(mine.Table, cell.Members))))
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

    /// <summary>The tightest interval earlier releases give each person set they hold a cell of.</summary>
    private static Dictionary<(int, ulong, ulong), (long Low, long High)> EarlierIntervals(IReadOnlyList<AuditedTable> tables)
    {
        var known = new Dictionary<(int, ulong, ulong), (long Low, long High)>();
        foreach (var table in tables.Where(t => !t.IsNew))
        {
            foreach (var cell in table.Table.Cells.Where(c => c.Constrains))
            {
                var signature = Signature(Persons(table.Table, cell.Members));
                var high = cell.High ?? long.MaxValue;
                known[signature] = known.TryGetValue(signature, out var was) ? (Math.Max(was.Low, cell.Low), Math.Min(was.High, high)) : (cell.Low, high);
            }
        }

        return known;
    }

    private static bool KnownBefore(PersonCell cell, PersonTable table, Dictionary<(int, ulong, ulong), (long Low, long High)> earlier) =>
        KnownBefore(cell, Signature(Persons(table, cell.Members)), earlier);

    /// <summary>Whether earlier releases gave the cell's person set (by its signature) an interval at least as tight as its own.</summary>
    private static bool KnownBefore(PersonCell cell, (int, ulong, ulong) signature, Dictionary<(int, ulong, ulong), (long Low, long High)> earlier) =>
        earlier.TryGetValue(signature, out var known) && known.Low >= cell.Low && known.High <= (cell.High ?? long.MaxValue);

    /// <summary>A person set's fingerprint: its size and two sums of mixed places (order-free).</summary>
    private static (int, ulong, ulong) Signature(List<int> persons)
    {
        ulong a = 0, b = 0;
        foreach (var p in persons)
        {
            var x = (ulong)p + 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            a += x ^ (x >> 31);
            b ^= x * 0xD6E8FEB86659FD93UL;
        }

        return (persons.Count, a, b);
    }

    private static int Count(PersonTable table, int[] members) =>
        members.Length == 1 ? table.Inner[members[0]].Length : members.SelectMany(m => table.Inner[m]).Distinct().Count();

    private static List<int> Persons(PersonTable table, int[] members) =>
        members.Length == 1 ? [.. table.Inner[members[0]]] : [.. members.SelectMany(m => table.Inner[m]).Distinct()];

    /// <summary>Persons of the earlier cell in the new cell, where the new table's inner cells overlap (non-additive).</summary>
    private static int CommonPersonByPerson(int[] members, List<int> persons, List<int>?[] cellsOf)
    {
        var set = members.ToHashSet();
        return persons.Count(p => cellsOf[p] is { } inner && inner.Any(set.Contains));
    }
}
