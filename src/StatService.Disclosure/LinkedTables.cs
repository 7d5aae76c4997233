using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Which tables of a release must be protected as one problem: all tables with the same
/// <see cref="CountTable.LinkGroup"/> count the same persons and share cells (a common margin, the grand
/// total), so they share the decision to hide those cells and one audit. A table without a link group is a
/// problem of its own.
/// </summary>
public static class LinkedTables
{
    public static IReadOnlyList<int[]> Groups(IReadOnlyList<CountTable> tables)
    {
        var groups = new List<List<int>>();
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < tables.Count; t++)
        {
            if (tables[t].LinkGroup is not { } name)
            {
                groups.Add([t]);
            }
            else if (byName.TryGetValue(name, out var group))
            {
                group.Add(t);
            }
            else
            {
                byName[name] = group = [t];
                groups.Add(group);
            }
        }

        return groups.Select(g => g.ToArray()).ToArray();
    }
}
