using StatService.Core.Ledger;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// The tables a joint audit must read: the new release's, and every earlier table whose persons meet them, directly or
/// through other such tables. Programs over persons who share no cell decompose, so tables outside this part cannot
/// change what the attacker learns about the new release's persons. With a ledger that indexes its tables by person
/// (<see cref="IPersonTableIndex"/>) the part is grown from the persons outwards and no other table is read; otherwise
/// every earlier table is scanned until nothing more joins. Both give the same tables.
/// </summary>
internal static class JointComponent
{
    /// <summary>
    /// The candidate's tables first (release -1), then the earlier tables of <paramref name="context"/> (counts: empty;
    /// sums: their quantity) that belong, in ledger order. Tables of other contexts neither join nor link.
    /// </summary>
    public static List<AuditedTable> Select(ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, string context, out int personCount) =>
        earlier is IPersonTableIndex index ? SelectIndexed(candidate, index, context, out personCount) : SelectByScan(candidate, earlier, context, out personCount);

    /// <summary>Breadth first over persons: the tables counting the persons reached so far, then those counting theirs.</summary>
    private static List<AuditedTable> SelectIndexed(ReleasePersons candidate, IPersonTableIndex earlier, string context, out int personCount)
    {
        var tables = candidate.Tables.Select(t => new AuditedTable(-1, t)).ToList();
        var limit = Math.Max(earlier.PersonLimit, 1 + MaxPerson(tables));
        var marked = new bool[limit];
        var frontier = new List<int>();
        foreach (var table in tables)
        {
            Mark(table, marked, frontier);
        }

        var selected = new HashSet<(int Release, int Table)>();
        while (frontier.Count > 0)
        {
            var next = new List<int>();
            foreach (var (release, table) in earlier.TablesCounting(frontier))
            {
                if (earlier[release].Persons.Tables[table].Context == context && selected.Add((release, table)))
                {
                    Mark(new AuditedTable(release, earlier[release].Persons.Tables[table]), marked, next);
                }
            }

            frontier = next;
        }

        tables.AddRange(selected.OrderBy(s => s.Release).ThenBy(s => s.Table).Select(s => new AuditedTable(s.Release, earlier[s.Release].Persons.Tables[s.Table])));
        personCount = 1 + MaxPerson(tables);
        return tables;
    }

    private static int MaxPerson(IEnumerable<AuditedTable> tables) =>
        tables.SelectMany(t => t.Table.Inner).Where(p => p.Length > 0).Select(p => p[^1]).DefaultIfEmpty(-1).Max();

    /// <summary>Marks the table's persons; those not marked before join <paramref name="reached"/>.</summary>
    private static void Mark(AuditedTable table, bool[] marked, List<int> reached)
    {
        foreach (var persons in table.Table.Inner)
        {
            foreach (var p in persons)
            {
                if (!marked[p])
                {
                    marked[p] = true;
                    reached.Add(p);
                }
            }
        }
    }

    private static List<AuditedTable> SelectByScan(ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, string context, out int personCount)
    {
        var tables = new List<AuditedTable>();
        tables.AddRange(candidate.Tables.Select(t => new AuditedTable(-1, t)));
        var others = earlier.SelectMany((r, i) => r.Persons.Tables.Where(t => t.Context == context).Select(t => new AuditedTable(i, t))).ToList();
        personCount = 1 + tables.Concat(others).SelectMany(t => t.Table.Inner).Where(p => p.Length > 0).Select(p => p[^1]).DefaultIfEmpty(-1).Max();
        var marked = new bool[personCount];
        foreach (var table in tables)
        {
            Mark(table, marked);
        }

        var selected = new bool[others.Count];
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < others.Count; i++)
            {
                if (!selected[i] && Meets(others[i], marked))
                {
                    selected[i] = true;
                    Mark(others[i], marked);
                    changed = true;
                }
            }
        }

        tables.AddRange(others.Where((_, i) => selected[i]));
        return tables;
    }

    private static bool Meets(AuditedTable table, bool[] marked)
    {
        foreach (var persons in table.Table.Inner)
        {
            foreach (var p in persons)
            {
                if (marked[p])
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Mark(AuditedTable table, bool[] marked)
    {
        foreach (var persons in table.Table.Inner)
        {
            foreach (var p in persons)
            {
                marked[p] = true;
            }
        }
    }
}

/// <summary>A table in a joint audit: <see cref="Release"/> -1 for the release under check, else its place among the earlier ones.</summary>
internal sealed record AuditedTable(int Release, PersonTable Table)
{
    public bool IsNew => Release < 0;
}
