using StatService.Core.Ledger;

namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// What the nested differences need of one table's cells, worked out once per audit: whether its inner cells are
/// disjoint (an additive table; a group profile's medicine groups overlap), and each cell's person count and fingerprint.
/// A margin of a disjoint table is the disjoint union of its inner cells, so its count and fingerprint are sums of theirs
/// and its persons are never gathered: at national scale a release's margins hold millions of person entries.
/// </summary>
internal sealed class CellSets
{
    private CellSets(bool disjoint, int[] counts, Fingerprint[] fingerprints)
    {
        Disjoint = disjoint;
        Counts = counts;
        Fingerprints = fingerprints;
    }

    /// <summary>Whether no person is in two inner cells.</summary>
    public bool Disjoint { get; }

    /// <summary>Distinct persons per cell, in the order of <see cref="PersonTable.Cells"/>.</summary>
    public int[] Counts { get; }

    /// <summary>Per cell, in the order of <see cref="PersonTable.Cells"/>.</summary>
    public Fingerprint[] Fingerprints { get; }

    /// <param name="seen">Scratch, one slot per person place, every slot different from <paramref name="stamp"/> and from
    /// the stamps after it (each call uses <paramref name="stamp"/> and up to one per cell after it; returns the next free one).</param>
    public static CellSets Of(PersonTable table, int[] seen, ref int stamp)
    {
        var inner = new Fingerprint[table.Inner.Count];
        var entries = 0L;
        var distinct = 0L;
        var mark = ++stamp;
        for (var i = 0; i < table.Inner.Count; i++)
        {
            inner[i] = Fingerprint.Of(table.Inner[i]);
            entries += table.Inner[i].Length;
            foreach (var p in table.Inner[i])
            {
                if (seen[p] != mark)
                {
                    seen[p] = mark;
                    distinct++;
                }
            }
        }

        var disjoint = entries == distinct;
        var counts = new int[table.Cells.Count];
        var fingerprints = new Fingerprint[table.Cells.Count];
        for (var c = 0; c < table.Cells.Count; c++)
        {
            var members = table.Cells[c].Members;
            if (members.Length == 1 || disjoint)
            {
                var sum = Fingerprint.Empty;
                foreach (var m in members)
                {
                    sum = sum.Union(inner[m]);
                }

                fingerprints[c] = sum;
            }
            else
            {
                fingerprints[c] = Fingerprint.Of(Persons(table, members, seen, ref stamp));
            }

            counts[c] = fingerprints[c].Count;
        }

        return new CellSets(disjoint, counts, fingerprints);
    }

    /// <summary>The distinct persons of a cell made of <paramref name="members"/> (inner cells that may overlap).</summary>
    public static List<int> Persons(PersonTable table, int[] members, int[] seen, ref int stamp)
    {
        if (members.Length == 1)
        {
            return [.. table.Inner[members[0]]];
        }

        var mark = ++stamp;
        var persons = new List<int>();
        foreach (var m in members)
        {
            foreach (var p in table.Inner[m])
            {
                if (seen[p] != mark)
                {
                    seen[p] = mark;
                    persons.Add(p);
                }
            }
        }

        return persons;
    }
}

/// <summary>
/// A person set's fingerprint: its size and two order-free combinations of its mixed places (a sum and an exclusive or),
/// so the fingerprint of a disjoint union is the combination of its parts'. Equal sets give equal fingerprints; different
/// ones practically never do.
/// </summary>
internal readonly record struct Fingerprint(int Count, ulong Sum, ulong Xor)
{
    public static Fingerprint Empty => default;

    public static Fingerprint Of(IEnumerable<int> persons)
    {
        var (count, sum, xor) = (0, 0UL, 0UL);
        foreach (var p in persons)
        {
            var x = (ulong)p + 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            sum += x ^ (x >> 31);
            xor ^= x * 0xD6E8FEB86659FD93UL;
            count++;
        }

        return new Fingerprint(count, sum, xor);
    }

    /// <summary>The fingerprint of this set and a set disjoint from it together.</summary>
    public Fingerprint Union(Fingerprint other) => new(Count + other.Count, Sum + other.Sum, Xor ^ other.Xor);
}
