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

    public static CellSets Of(PersonTable table, DistinctPersons distinct)
    {
        var inner = table.Inner.Select(Fingerprint.Of).ToArray();
        var disjoint = distinct.Disjoint(table.Inner);
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
                fingerprints[c] = Fingerprint.Of(Persons(table, members, distinct));
            }

            counts[c] = fingerprints[c].Count;
        }

        return new CellSets(disjoint, counts, fingerprints);
    }

    /// <summary>The distinct persons of a cell made of <paramref name="members"/> (inner cells that may overlap).</summary>
    public static List<int> Persons(PersonTable table, int[] members, DistinctPersons distinct) =>
        distinct.Gather(members.Select(m => table.Inner[m]));
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
            var x = SplitMix.Mix((ulong)p);
            sum += x;
            xor ^= x * 0xD6E8FEB86659FD93UL;
            count++;
        }

        return new Fingerprint(count, sum, xor);
    }

    /// <summary>The fingerprint of this set and a set disjoint from it together.</summary>
    public Fingerprint Union(Fingerprint other) => new(Count + other.Count, Sum + other.Sum, Xor ^ other.Xor);
}
