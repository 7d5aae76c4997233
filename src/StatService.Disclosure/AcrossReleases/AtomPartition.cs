namespace StatService.Disclosure.AcrossReleases;

/// <summary>
/// The persons of a joint audit split into atoms: persons in exactly the same inner cells of every table. Each person's
/// membership pattern is summed into two independent 64-bit signatures, so equal patterns meet and different ones
/// practically never do. Atoms are numbered by their smallest person, so the partition is the same on every run.
/// </summary>
internal sealed class AtomPartition
{
    private AtomPartition(int[] sizes, int[][][] innerAtoms, int[] atomOf)
    {
        Sizes = sizes;
        InnerAtoms = innerAtoms;
        AtomOf = atomOf;
    }

    /// <summary>Per person place, its atom (meaningful only for persons in some inner cell).</summary>
    public int[] AtomOf { get; }

    /// <summary>Persons per atom.</summary>
    public int[] Sizes { get; }

    /// <summary>Per table and inner cell, the atoms it is made of (ascending).</summary>
    public int[][][] InnerAtoms { get; }

    public static AtomPartition Of(IReadOnlyList<AuditedTable> tables, int personCount)
    {
        // Only the persons some inner cell counts are read or written: at national scale they are a few hundred thousand of
        // millions of places, so the per-place arrays are left uninitialised and a person's slots are set on first sight.
        var first = GC.AllocateUninitializedArray<ulong>(personCount);
        var second = GC.AllocateUninitializedArray<ulong>(personCount);
        var member = new bool[personCount];
        ulong id = 0;
        foreach (var table in tables)
        {
            foreach (var persons in table.Table.Inner)
            {
                id++;
                var (a, b) = (SplitMix.Mix(2 * id), SplitMix.Mix((2 * id) + 1));
                foreach (var p in persons)
                {
                    if (member[p])
                    {
                        first[p] += a;
                        second[p] ^= b;
                    }
                    else
                    {
                        (first[p], second[p], member[p]) = (a, b, true);
                    }
                }
            }
        }

        var atomOf = GC.AllocateUninitializedArray<int>(personCount);
        var bySignature = new Dictionary<(ulong, ulong), int>();
        var sizes = new List<int>();
        for (var p = 0; p < personCount; p++)
        {
            if (!member[p])
            {
                continue;
            }

            if (!bySignature.TryGetValue((first[p], second[p]), out var atom))
            {
                bySignature[(first[p], second[p])] = atom = sizes.Count;
                sizes.Add(0);
            }

            sizes[atom]++;
            atomOf[p] = atom;
        }

        // Each inner cell's atoms, ascending: few distinct atoms among many persons, so a stamp per atom, not a set per cell.
        var stamps = new int[sizes.Count];
        var stamp = 0;
        var found = new List<int>();
        var innerAtoms = new int[tables.Count][][];
        for (var t = 0; t < tables.Count; t++)
        {
            var inner = tables[t].Table.Inner;
            innerAtoms[t] = new int[inner.Count][];
            for (var i = 0; i < inner.Count; i++)
            {
                stamp++;
                foreach (var p in inner[i])
                {
                    var atom = atomOf[p];
                    if (stamps[atom] != stamp)
                    {
                        stamps[atom] = stamp;
                        found.Add(atom);
                    }
                }

                found.Sort();
                innerAtoms[t][i] = [.. found];
                found.Clear();
            }
        }

        return new AtomPartition([.. sizes], innerAtoms, atomOf);
    }

    /// <summary>The atoms of a cell made of several inner cells (shared atoms once: non-additive tables overlap).</summary>
    public int[] AtomsOf(int table, int[] members) =>
        members.Length == 1 ? InnerAtoms[table][members[0]] : members.SelectMany(m => InnerAtoms[table][m]).Distinct().Order().ToArray();
}
