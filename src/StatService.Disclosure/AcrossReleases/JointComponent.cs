using StatService.Core.Ledger;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// The tables a joint audit must read: the new release's, and every earlier table whose persons meet them, directly or
/// through other such tables. Programs over persons who share no cell decompose, so tables outside this part cannot
/// change what the attacker learns about the new release's persons.
/// </summary>
internal static class JointComponent
{
    /// <summary>The candidate's tables first (release -1), then the earlier tables that belong, in ledger order.</summary>
    public static List<AuditedTable> Select(ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, out int personCount)
    {
        var tables = new List<AuditedTable>();
        tables.AddRange(candidate.Tables.Select(t => new AuditedTable(-1, t)));
        var others = earlier.SelectMany((r, i) => r.Persons.Tables.Select(t => new AuditedTable(i, t))).ToList();
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
