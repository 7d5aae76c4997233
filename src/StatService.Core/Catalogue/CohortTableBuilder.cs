using StatService.Core.Tables;

namespace StatService.Core.Catalogue;

/// <summary>
/// Builds a <see cref="CountTable"/> from the CUBE rows of a cohort query: inner cells fill the table,
/// missing combinations are zeros, every margin is recomputed and must equal the margin the query
/// returned. A mismatch (a person without a region, say) would let margins reveal a hidden cell,
/// so it stops the order instead.
/// </summary>
public static class CohortTableBuilder
{
    public static CountTable Build(string name, IReadOnlyList<TableDimension> dimensions, IReadOnlyList<(string?[] Codes, long Count)> rows)
    {
        var inner = new Dictionary<string, long>(StringComparer.Ordinal);
        var margins = new List<(int[] Coordinates, long Count)>();
        foreach (var (codes, count) in rows)
        {
            var coordinates = new int[dimensions.Count];
            var isInner = true;
            for (var d = 0; d < dimensions.Count; d++)
            {
                var code = codes[d] ?? throw new InconsistentTableException($"The query returned a row without a {dimensions[d].Name}.");
                coordinates[d] = dimensions[d].IndexOf(code);
                if (coordinates[d] < 0)
                {
                    throw new InconsistentTableException($"The query returned an unknown {dimensions[d].Name} code.");
                }

                isInner &= dimensions[d].IsLeaf(coordinates[d]);
            }

            if (isInner)
            {
                inner[Key(coordinates)] = count;
            }
            else
            {
                margins.Add((coordinates, count));
            }
        }

        var table = CountTable.FromInnerCells(name, dimensions, c => inner.GetValueOrDefault(Key(c)));
        foreach (var (coordinates, count) in margins)
        {
            if (table.Values[table.CellIndex(coordinates)] != count)
            {
                throw new InconsistentTableException("A margin returned by the query differs from the sum of its cells.");
            }
        }

        return table;
    }

    private static string Key(int[] coordinates) => string.Join(',', coordinates);
}

/// <summary>The query's table is not additive; it must not be released.</summary>
public sealed class InconsistentTableException(string message) : Exception(message);
