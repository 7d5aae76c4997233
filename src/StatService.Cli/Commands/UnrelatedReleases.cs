using StatService.Core.Ledger;

namespace StatService.Cli.Commands;

/// <summary>
/// Releases for the history benchmark that meet none of a set of persons: a real release with those persons taken out of
/// every inner cell, each cell's interval made the exact count of what is left (hidden cells: at least one when any).
/// The shape (tables, cells, persons per cell) stays a real order's; only whom it counts is moved away.
/// </summary>
internal static class UnrelatedReleases
{
    public static ReleasePersons Without(ReleasePersons release, bool[] excluded) =>
        new([.. release.Tables.Select(t => Without(t, excluded))]);

    private static PersonTable Without(PersonTable table, bool[] excluded)
    {
        var inner = table.Inner.Select(persons => persons.Where(p => p >= excluded.Length || !excluded[p]).ToArray()).ToList();
        var cells = table.Cells.Select(cell =>
        {
            var count = cell.Members.Length == 1 ? inner[cell.Members[0]].Length : cell.Members.SelectMany(m => inner[m]).Distinct().Count();
            return cell.Hidden ? cell with { Low = Math.Min(1, count), High = null } : cell with { Low = count, High = count };
        }).ToList();
        return new PersonTable(table.Name, inner, cells);
    }

    /// <summary>Marks every person <paramref name="release"/> counts.</summary>
    public static void Mark(ReleasePersons release, bool[] marked)
    {
        foreach (var persons in release.Tables.SelectMany(t => t.Inner))
        {
            foreach (var p in persons)
            {
                marked[p] = true;
            }
        }
    }

    /// <summary>
    /// Of <paramref name="tables"/>, how many a coarse summary would let a check skip without reading their persons: a
    /// bitset of person places folded onto <paramref name="bits"/> bits (place modulo bits), or of blocks of
    /// <paramref name="block"/> consecutive places, that shares no bit with the same summary of <paramref name="marked"/>.
    /// </summary>
    public static (int Folded, int Blocks) SkippableBySummary(IReadOnlyList<PersonTable> tables, bool[] marked, int bits, int block)
    {
        var folded = new bool[bits];
        var blocks = new bool[(marked.Length / block) + 1];
        for (var p = 0; p < marked.Length; p++)
        {
            if (marked[p])
            {
                folded[p % bits] = true;
                blocks[p / block] = true;
            }
        }

        var (skipFolded, skipBlocks) = (0, 0);
        foreach (var table in tables)
        {
            var persons = table.Inner.SelectMany(i => i).ToArray();
            skipFolded += persons.Any(p => folded[p % bits]) ? 0 : 1;
            skipBlocks += persons.Any(p => p / block < blocks.Length && blocks[p / block]) ? 0 : 1;
        }

        return (skipFolded, skipBlocks);
    }
}
