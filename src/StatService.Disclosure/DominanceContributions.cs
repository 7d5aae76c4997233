using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// The largest contributions of every cell of a magnitude table. Inner cells bring their own lists; a margin without a
/// list gets the largest of the merged lists of the inner cells below it, which is exact because each person is in
/// exactly one inner cell (so only additive tables may leave margins out). A list shorter than asked for means the
/// cell has that few contributors.
/// </summary>
public static class DominanceContributions
{
    public static long[][] ForEveryCell(CountTable table, int needed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(needed, 1);
        var given = table.Contributions ?? throw new DisclosureException($"Table '{table.Name}' has no contributions; dominance rules need them.");
        if (given.Count != table.CellCount)
        {
            throw new DisclosureException($"Table '{table.Name}' has contributions for {given.Count} cells, not {table.CellCount}.");
        }

        var result = new long[table.CellCount][];
        var merged = new TopContributions?[table.CellCount];
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (given[cell] is { } own)
            {
                result[cell] = Checked(table, cell, own, needed);
            }
            else if (table.IsInner(cell))
            {
                throw new DisclosureException($"Table '{table.Name}': inner cell {cell} has no contributions.");
            }
            else if (!table.Additive)
            {
                throw new DisclosureException($"Table '{table.Name}' is not additive: each margin needs contributions of its own.");
            }
        }

        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (table.IsInner(cell))
            {
                MergeIntoMargins(table, table.Coordinates(cell), 0, result[cell], given, merged, needed);
            }
        }

        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (result[cell] is null)
            {
                result[cell] = Checked(table, cell, merged[cell]?.ToArray() ?? [], needed);
            }
        }

        return result;
    }

    /// <summary>Descending, at most <paramref name="needed"/> long, consistent with the cell's value.</summary>
    private static long[] Checked(CountTable table, int cell, long[] contributions, int needed)
    {
        if (contributions.Any(c => c < 0))
        {
            throw new DisclosureException($"Table '{table.Name}': cell {cell} has a negative contribution; dominance rules need magnitudes of 0 or more.");
        }

        var top = contributions.OrderDescending().Take(needed).ToArray();
        var value = table.Values[cell];
        if (top.Sum() > value || (value > 0 && top.Length == 0))
        {
            throw new DisclosureException($"Table '{table.Name}': the contributions of cell {cell} do not fit its value {value}.");
        }

        return top;
    }

    private static void MergeIntoMargins(CountTable table, int[] coordinates, int dimension, long[] contributions,
        IReadOnlyList<long[]?> given, TopContributions?[] merged, int needed)
    {
        if (dimension == coordinates.Length)
        {
            var cell = table.CellIndex(coordinates);
            if (given[cell] is null)
            {
                var top = merged[cell] ??= new TopContributions(needed);
                foreach (var c in contributions)
                {
                    top.Add(c);
                }
            }

            return;
        }

        var original = coordinates[dimension];
        for (var code = original; code >= 0; code = table.Dimensions[dimension].ParentOf(code))
        {
            coordinates[dimension] = code;
            MergeIntoMargins(table, coordinates, dimension + 1, contributions, given, merged, needed);
        }

        coordinates[dimension] = original;
    }

    /// <summary>The largest values seen so far, at most a fixed number of them, in descending order.</summary>
    private sealed class TopContributions(int capacity)
    {
        private readonly long[] _values = new long[capacity];
        private int _count;

        public void Add(long value)
        {
            if (_count == _values.Length && value <= _values[^1])
            {
                return;
            }

            var at = _count < _values.Length ? _count++ : _values.Length - 1;
            while (at > 0 && _values[at - 1] < value)
            {
                _values[at] = _values[at - 1];
                at--;
            }

            _values[at] = value;
        }

        public long[] ToArray() => _values[.._count];
    }
}
