namespace StatService.Core.Tables;

/// <summary>
/// A table with every margin: one cell for each combination of codes of its dimensions,
/// hierarchy levels and totals included, stored densely in row-major order.
/// Inner cells are the combinations of leaf codes; all other cells are sums of them.
/// </summary>
public sealed class CountTable
{
    private readonly int[] _strides;

    public CountTable(string name, IReadOnlyList<TableDimension> dimensions, long[] values)
    {
        Name = name;
        Dimensions = dimensions;
        _strides = new int[dimensions.Count];
        var size = 1;
        for (var d = dimensions.Count - 1; d >= 0; d--)
        {
            _strides[d] = size;
            size = checked(size * dimensions[d].Count);
        }

        if (values.Length != size)
        {
            throw new ArgumentException($"Table '{name}' needs {size} values, got {values.Length}.", nameof(values));
        }

        Values = values;
    }

    public string Name { get; }

    /// <summary>
    /// Tables of one release with the same link group count the same persons: a cell of one equals the cell of
    /// another with the same codes on their common dimensions and totals elsewhere, and both are protected
    /// as one problem (linked tables). Null: the table shares no cells.
    /// </summary>
    public string? LinkGroup { get; init; }

    /// <summary>
    /// False when a person can fall in several inner cells (e.g. persons per medicine group): every margin is then
    /// at most the sum of its parts and at least its largest part, and the audit treats it as such a bound.
    /// </summary>
    public bool Additive { get; init; } = true;

    /// <summary>
    /// For magnitude tables under dominance rules: per cell index, the largest contributions of single persons in
    /// descending order (inner cells at least; margins may be left null and are derived). Never delivered.
    /// </summary>
    public IReadOnlyList<long[]?>? Contributions { get; init; }

    /// <summary>
    /// For cell-key perturbation: per cell index, the cell key in [0,1), the sum of its persons' record keys modulo 1
    /// (margins included, or derived from the inner keys). Never delivered.
    /// </summary>
    public IReadOnlyList<double>? CellKeys { get; init; }

    /// <summary>
    /// For the release ledger: per cell index, an inner cell's persons (person index places of the extract version,
    /// ascending); null for margins (unions of inner cells) and for tables whose persons are not recorded. Never delivered.
    /// </summary>
    public IReadOnlyList<int[]?>? Persons { get; init; }

    /// <summary>
    /// For the release ledger's magnitude tables: per cell index, an inner cell's per-person values in the order of
    /// <see cref="Persons"/> (its contributors, each above 0); null for count tables. Never delivered.
    /// </summary>
    public IReadOnlyList<long[]?>? PersonValues { get; init; }

    public IReadOnlyList<TableDimension> Dimensions { get; }

    /// <summary>Cell values, indexed by <see cref="CellIndex"/>.</summary>
    public long[] Values { get; }

    public int CellCount => Values.Length;

    public int CellIndex(ReadOnlySpan<int> codeIndices)
    {
        var index = 0;
        for (var d = 0; d < _strides.Length; d++)
        {
            index += codeIndices[d] * _strides[d];
        }

        return index;
    }

    public int CodeIndex(int cellIndex, int dimension) => cellIndex / _strides[dimension] % Dimensions[dimension].Count;

    public int[] Coordinates(int cellIndex)
    {
        var result = new int[Dimensions.Count];
        for (var d = 0; d < result.Length; d++)
        {
            result[d] = CodeIndex(cellIndex, d);
        }

        return result;
    }

    /// <summary>The cell reached by replacing the code of one dimension.</summary>
    public int WithCode(int cellIndex, int dimension, int codeIndex) =>
        cellIndex + (codeIndex - CodeIndex(cellIndex, dimension)) * _strides[dimension];

    public bool IsInner(int cellIndex)
    {
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if (!Dimensions[d].IsLeaf(CodeIndex(cellIndex, d)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every additivity relation: a cell whose code in one dimension has children equals
    /// the sum of the cells with each child code instead.
    /// </summary>
    public IEnumerable<AdditivityRelation> Relations()
    {
        for (var cell = 0; cell < CellCount; cell++)
        {
            for (var d = 0; d < Dimensions.Count; d++)
            {
                var children = Dimensions[d].ChildrenOf(CodeIndex(cell, d));
                if (children.Count == 0)
                {
                    continue;
                }

                var parts = new int[children.Count];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = WithCode(cell, d, children[i]);
                }

                yield return new AdditivityRelation(cell, parts);
            }
        }
    }

    /// <summary>True when every relation holds for the values.</summary>
    public bool IsAdditive() => Relations().All(r => r.Parts.Sum(p => Values[p]) == Values[r.Total]);

    /// <summary>
    /// Builds the table from inner-cell values (leaf coordinates only): every margin is computed,
    /// so the result is additive by construction.
    /// </summary>
    public static CountTable FromInnerCells(string name, IReadOnlyList<TableDimension> dimensions, Func<int[], long> innerValue)
    {
        var size = dimensions.Aggregate(1, (s, d) => checked(s * d.Count));
        var table = new CountTable(name, dimensions, new long[size]);
        for (var cell = 0; cell < size; cell++)
        {
            if (!table.IsInner(cell))
            {
                continue;
            }

            var coordinates = table.Coordinates(cell);
            var value = innerValue(coordinates);
            if (value == 0)
            {
                continue;
            }

            // Add the inner value to every cell that aggregates it: all ancestor combinations.
            AddToAncestors(table, coordinates, 0, value);
        }

        return table;
    }

    private static void AddToAncestors(CountTable table, int[] coordinates, int dimension, long value)
    {
        if (dimension == coordinates.Length)
        {
            table.Values[table.CellIndex(coordinates)] += value;
            return;
        }

        var original = coordinates[dimension];
        for (var code = original; code >= 0; code = table.Dimensions[dimension].ParentOf(code))
        {
            coordinates[dimension] = code;
            AddToAncestors(table, coordinates, dimension + 1, value);
        }

        coordinates[dimension] = original;
    }
}
