using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Which tables of a release must be protected as one problem. Tables that share cells (a common
/// margin, one table per year of a series) must share the decision to hide those cells; until the
/// release says which cells are shared, every table is a problem of its own.
/// </summary>
public static class LinkedTables
{
    public static IReadOnlyList<int[]> Groups(IReadOnlyList<CountTable> tables) =>
        Enumerable.Range(0, tables.Count).Select(t => new[] { t }).ToArray();
}
