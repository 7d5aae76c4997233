using StatService.Core.OrderSpec;
using StatService.Core.Tables;

namespace StatService.Core.Disclosure;

/// <summary>
/// Group attribute disclosure through zeros: a published 0 that lies inside a group of 1 to
/// <see cref="DisclosurePolicy.MaxSensitiveCount"/> persons tells something about every one of them. "Rare disease X,
/// men" = 0 next to "rare disease X" = 3 says all three are women; "X, excluding hypertension" = 0 says all of them
/// are hypertensive. The group is either a margin of the zero's own table (its row, column or any total above it) or
/// the same cell of the order with one restriction lifted (a <em>relaxed</em> release: an exclusion, an age span, a sex,
/// regions, one of several inclusion types or first-ever occurrence taken away), which anyone
/// may order. Such zeros become primary suppressions, so a reader cannot tell them from a few persons.
/// </summary>
public static class ZeroGroupPrimaries
{
    /// <summary>
    /// The zero cells of <paramref name="tables"/> inside a small group: a margin of the same table, or the cell with
    /// the same table and codes in any of <paramref name="relaxed"/> (releases of the same product whose every cell
    /// counts a superset of the persons of the same cell here).
    /// </summary>
    /// <param name="emptyByDefinition">Cells the order's own filters leave empty whatever the data (men in an order for
    /// women, children in an order for adults): their zero tells nothing about anyone, so they stay published.</param>
    public static DifferencingPrimaries Find(
        IReadOnlyList<CountTable> tables, IReadOnlyList<IReadOnlyList<CountTable>> relaxed, DisclosurePolicy policy,
        Func<CountTable, int, bool>? emptyByDefinition = null)
    {
        var found = new List<DifferencingPrimary>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var inSmallMargin = ZerosUnderSmallMargins(table, policy);
            var counterparts = relaxed
                .Select(r => r.FirstOrDefault(x => string.Equals(x.Name, table.Name, StringComparison.Ordinal)))
                .OfType<CountTable>()
                .ToArray();
            for (var cell = 0; cell < table.CellCount; cell++)
            {
                if (IsCandidate(table, cell, emptyByDefinition) && (inSmallMargin[cell] || counterparts.Any(r => IsSmall(SameCell(table, cell, r), policy))))
                {
                    found.Add(new DifferencingPrimary(t, cell, null, null));
                }
            }
        }

        return new DifferencingPrimaries(found);
    }

    /// <summary>Whether any cell could be in a small group at all: without a published zero there is nothing to find.</summary>
    public static bool HasZeros(IReadOnlyList<CountTable> tables) => tables.Any(t => t.Values.Contains(0L));

    /// <summary>The zeros <see cref="Find"/> asks about: every zero the order's own filters do not explain.</summary>
    public static int CandidateCount(IReadOnlyList<CountTable> tables, Func<CountTable, int, bool>? emptyByDefinition = null) =>
        tables.Sum(t => Enumerable.Range(0, t.CellCount).Count(c => IsCandidate(t, c, emptyByDefinition)));

    private static bool IsCandidate(CountTable table, int cell, Func<CountTable, int, bool>? emptyByDefinition) =>
        table.Values[cell] == 0 && emptyByDefinition?.Invoke(table, cell) != true;

    /// <summary>
    /// Zeros with a margin of 1 to the threshold above them, through any chain of margins (zero margins pass the
    /// question on; a margin above the threshold ends it, since every margin above it is at least as large).
    /// </summary>
    private static bool[] ZerosUnderSmallMargins(CountTable table, DisclosurePolicy policy)
    {
        var parents = new List<int>[table.CellCount];
        foreach (var relation in table.Relations())
        {
            foreach (var part in relation.Parts)
            {
                (parents[part] ??= []).Add(relation.Total);
            }
        }

        var result = new bool[table.CellCount];
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (table.Values[cell] != 0)
            {
                continue;
            }

            var seen = new HashSet<int> { cell };
            var open = new Stack<int>([cell]);
            while (open.Count > 0 && !result[cell])
            {
                foreach (var parent in parents[open.Pop()] ?? [])
                {
                    if (!seen.Add(parent))
                    {
                        continue;
                    }

                    var value = table.Values[parent];
                    if (IsSmall(value, policy))
                    {
                        result[cell] = true;
                        break;
                    }

                    if (value == 0)
                    {
                        open.Push(parent);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The value of the cell with the same codes in <paramref name="other"/>; 0 when it has no such cell.</summary>
    private static long SameCell(CountTable table, int cell, CountTable other)
    {
        if (other.Dimensions.Count != table.Dimensions.Count)
        {
            return 0;
        }

        var codes = new int[table.Dimensions.Count];
        for (var d = 0; d < codes.Length; d++)
        {
            var code = table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code;
            codes[d] = other.Dimensions[d].IndexOf(code);
            if (codes[d] < 0 || code == Breakdowns.OtherCode)
            {
                // 'other' gathers what a ranking leaves out, which need not be the same groups in both releases
                return 0;
            }
        }

        return other.Values[other.CellIndex(codes)];
    }

    private static bool IsSmall(long value, DisclosurePolicy policy) => value > 0 && value <= policy.MaxSensitiveCount;
}
