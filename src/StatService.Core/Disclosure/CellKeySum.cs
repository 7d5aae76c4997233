using StatService.Core.Tables;

namespace StatService.Core.Disclosure;

/// <summary>
/// Cell keys are sums of record keys modulo 1. Keys are kept as multiples of 2^-32 and summed as 32-bit whole numbers
/// (wrapping is the modulo), so a cell's key is exact and does not depend on the order in which persons or inner
/// cells are added: the same persons give the same key in every query and every table.
/// </summary>
public static class CellKeySum
{
    private const double Scale = 4294967296.0; // 2^32

    /// <summary>The key of a cell from the sum of its persons' whole record keys (any width: only the low 32 bits count).</summary>
    public static double ToKey(ulong wholeKeySum) => (uint)wholeKeySum / Scale;

    /// <summary>The whole-number form of a key in [0,1).</summary>
    public static uint ToWhole(double key)
    {
        if (!(key >= 0 && key < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "A cell key lies in [0,1).");
        }

        return (uint)Math.Floor(key * Scale);
    }

    /// <summary>The key of the union of two disjoint sets of persons.</summary>
    public static double Add(double a, double b) => ToKey((ulong)ToWhole(a) + ToWhole(b));

    /// <summary>
    /// Every cell's key from the inner cells' keys: a margin's key is the sum of the keys of the inner cells below it,
    /// valid because each person is in exactly one inner cell (an additive table).
    /// </summary>
    public static double[] WithMargins(CountTable table, Func<int, double> innerKey)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.Additive)
        {
            throw new ArgumentException($"Table '{table.Name}' is not additive: its margins need keys of their own.", nameof(table));
        }

        var sums = new uint[table.CellCount];
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (table.IsInner(cell))
            {
                AddToAncestors(table, table.Coordinates(cell), 0, ToWhole(innerKey(cell)), sums);
            }
        }

        return sums.Select(s => ToKey(s)).ToArray();
    }

    private static void AddToAncestors(CountTable table, int[] coordinates, int dimension, uint key, uint[] sums)
    {
        if (dimension == coordinates.Length)
        {
            unchecked
            {
                sums[table.CellIndex(coordinates)] += key;
            }

            return;
        }

        var original = coordinates[dimension];
        for (var code = original; code >= 0; code = table.Dimensions[dimension].ParentOf(code))
        {
            coordinates[dimension] = code;
            AddToAncestors(table, coordinates, dimension + 1, key, sums);
        }

        coordinates[dimension] = original;
    }
}
