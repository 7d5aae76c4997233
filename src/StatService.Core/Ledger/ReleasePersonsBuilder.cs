using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Core.Ledger;

/// <summary>
/// Builds the ledger's view of a protected release (<see cref="ReleasePersons"/>): each inner cell's persons from the
/// query, each cell's members (the inner cells below it), and what a reader of the release knows of each count under
/// the release's method. Every table the query gives persons for is recorded, the population tables (every resident by year)
/// too: next to the cases they tell residents from cases who died or moved away.
/// </summary>
public static class ReleasePersonsBuilder
{
    /// <param name="tables">The release's tables as queried, with <see cref="CountTable.Persons"/>.</param>
    /// <param name="release">The protected release: its first tables are <paramref name="tables"/>, in order.</param>
    /// <param name="context">Empty for counts of persons; for sums, the quantity summed (<see cref="MeasureContext"/>).</param>
    public static ReleasePersons Build(IReadOnlyList<CountTable> tables, ProtectedRelease release, DisclosurePolicy policy, string context = "")
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(policy);
        var result = new List<PersonTable>();
        for (var t = 0; t < tables.Count; t++)
        {
            if (tables[t].Persons is { } persons)
            {
                result.Add(context.Length == 0
                    ? Table(tables[t], persons, release.Tables[t], policy)
                    : MagnitudeTable(tables[t], persons, release.Tables[t], context));
            }
        }

        return new ReleasePersons(result);
    }

    private static PersonTable Table(CountTable table, IReadOnlyList<int[]?> persons, ProtectedTable published, DisclosurePolicy policy)
    {
        var innerOf = new int[table.CellCount];
        var inner = new List<int[]>();
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            innerOf[cell] = -1;
            if (table.IsInner(cell))
            {
                innerOf[cell] = inner.Count;
                inner.Add(Ascending(persons[cell] ?? []));
            }
        }

        var leaves = table.Dimensions.Select(LeavesBelow).ToArray();
        var cells = new List<PersonCell>(table.CellCount);
        var distinct = new DistinctPersons(1 + inner.Select(i => i.Length == 0 ? -1 : i[^1]).DefaultIfEmpty(-1).Max());
        // Where no person is in two inner cells (an additive table) a margin's count is the sum of its inner cells'.
        var disjoint = distinct.Disjoint(inner);
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            var members = Members(table, cell, leaves, innerOf);
            var count = members.Length == 1 ? inner[members[0]].Length
                : disjoint ? members.Sum(m => (long)inner[m].Length)
                : distinct.Count(members.Select(m => inner[m])); // inner cells of a non-additive table share persons
            var isInner = innerOf[cell] >= 0;
            var (low, high, hidden) = Known(published, cell, isInner, table.Additive, policy, count);
            if (count < low || (high is { } h && count > h))
            {
                // The method's bounds must hold for the true count; where they would not, the reader is assumed to know nothing.
                (low, high) = (0, null);
            }

            cells.Add(new PersonCell(cell, members, low, high, hidden));
        }

        return new PersonTable(table.Name, inner, cells);
    }

    /// <summary>
    /// A table of sums: each inner cell's contributors with their values; a published sum is exact (magnitudes are only
    /// ever suppressed), a hidden one bounds nothing beyond the attacker's own floor of 0.
    /// </summary>
    private static PersonTable MagnitudeTable(CountTable table, IReadOnlyList<int[]?> persons, ProtectedTable published, string context)
    {
        var innerOf = new int[table.CellCount];
        var inner = new List<int[]>();
        var values = new List<long[]>();
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            innerOf[cell] = -1;
            if (table.IsInner(cell))
            {
                innerOf[cell] = inner.Count;
                var places = (int[])(persons[cell] ?? []).Clone();
                var amounts = (long[])(table.PersonValues?[cell] ?? new long[places.Length]).Clone();
                if (amounts.Length != places.Length)
                {
                    throw new InconsistentTableException($"The query of table '{table.Name}' returned contributors and values that do not match.");
                }

                Array.Sort(places, amounts);
                inner.Add(places);
                values.Add(amounts);
            }
        }

        var leaves = table.Dimensions.Select(LeavesBelow).ToArray();
        var cells = new List<PersonCell>(table.CellCount);
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            var members = Members(table, cell, leaves, innerOf);
            var sum = members.Sum(m => values[m].Sum());
            var value = published.PublishedValue(cell);
            // A published sum the contributors do not explain (they must: the table is additive) is taken to say nothing.
            var (low, high) = value is { } exact && exact == sum ? (exact, (long?)exact) : (0L, (long?)null);
            cells.Add(new PersonCell(cell, members, low, high, value is null));
        }

        return new PersonTable(table.Name, inner, cells) { Context = context, Values = values };
    }

    /// <summary>What a reader knows of one cell's count under the release's method.</summary>
    private static (long Low, long? High, bool Hidden) Known(
        ProtectedTable published, int cell, bool isInner, bool additive, DisclosurePolicy policy, long count)
    {
        var value = published.PublishedValue(cell);
        var hiddenFloor = policy.HiddenFloor(count);
        switch (policy.Method)
        {
            case DisclosureMethod.Rounding:
                if (value is null)
                {
                    return (hiddenFloor, policy.Rounding.RedactAtOrBelow, true);
                }

                // Margins of an additive table are sums of rounded inner cells: nothing beyond them.
                if (additive && !isInner)
                {
                    return (0, null, false);
                }

                var half = policy.Rounding.Base / 2;
                return (Math.Max(0, value.Value - half), value.Value + half, false);
            case DisclosureMethod.CellKey:
                if (value is null)
                {
                    return (hiddenFloor, policy.CellKey.SmallCountThreshold - 1, true);
                }

                return (Math.Max(0, value.Value - policy.CellKey.MaxNoise), value.Value + policy.CellKey.MaxNoise, false);
            default:
                return value is { } exact ? (exact, exact, false) : (hiddenFloor, null, true);
        }
    }

    /// <summary>Positions (in inner order) of the inner cells below <paramref name="cell"/>.</summary>
    private static int[] Members(CountTable table, int cell, int[][][] leaves, int[] innerOf)
    {
        var perDimension = new int[table.Dimensions.Count][];
        for (var d = 0; d < perDimension.Length; d++)
        {
            perDimension[d] = leaves[d][table.CodeIndex(cell, d)];
        }

        var members = new List<int>();
        var coordinates = new int[perDimension.Length];
        void Walk(int d)
        {
            if (d == perDimension.Length)
            {
                members.Add(innerOf[table.CellIndex(coordinates)]);
                return;
            }

            foreach (var code in perDimension[d])
            {
                coordinates[d] = code;
                Walk(d + 1);
            }
        }

        Walk(0);
        members.Sort();
        return [.. members];
    }

    /// <summary>Per code of a dimension, the leaf codes at or below it.</summary>
    private static int[][] LeavesBelow(TableDimension dimension)
    {
        var result = new int[dimension.Count][];
        int[] Of(int code)
        {
            if (result[code] is { } known)
            {
                return known;
            }

            return result[code] = dimension.IsLeaf(code) ? [code] : [.. dimension.ChildrenOf(code).SelectMany(Of)];
        }

        for (var code = 0; code < dimension.Count; code++)
        {
            Of(code);
        }

        return result;
    }

    private static int[] Ascending(int[] persons)
    {
        var sorted = (int[])persons.Clone();
        Array.Sort(sorted);
        return sorted;
    }
}
