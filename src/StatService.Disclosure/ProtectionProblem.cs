using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// The cells and additivity relations that one suppression pattern must protect together.
/// Built from one or more tables of a release; each table cell maps to a problem cell, so tables
/// that share cells can later map them to the same problem cell and share one decision.
/// Relations are stored flat (total first, then its parts) because the solvers walk them in hot loops.
/// </summary>
public sealed class ProtectionProblem
{
    private readonly long[] _values;
    private readonly int[] _relationStart;
    private readonly int[] _relationCells;
    private readonly int[] _cellRelationStart;
    private readonly int[] _cellRelations;
    private readonly int[] _tableIndices;
    private readonly int[][] _tableCells;

    private ProtectionProblem(long[] values, int[] relationStart, int[] relationCells, int[] tableIndices, int[][] tableCells)
    {
        _values = values;
        _relationStart = relationStart;
        _relationCells = relationCells;
        _tableIndices = tableIndices;
        _tableCells = tableCells;
        (_cellRelationStart, _cellRelations) = InvertRelations(values.Length, relationStart, relationCells);
    }

    public int CellCount => _values.Length;

    public int RelationCount => _relationStart.Length - 1;

    public ReadOnlySpan<long> Values => _values;

    /// <summary>The largest cell value (the grand total of an additive table).</summary>
    public long MaxValue { get; private init; }

    /// <summary>Release positions of the tables this problem covers.</summary>
    public IReadOnlyList<int> TableIndices => _tableIndices;

    /// <summary>The total of the relation followed by its parts.</summary>
    public ReadOnlySpan<int> RelationCells(int relation) =>
        _relationCells.AsSpan(_relationStart[relation], _relationStart[relation + 1] - _relationStart[relation]);

    public int RelationTotal(int relation) => _relationCells[_relationStart[relation]];

    /// <summary>The relations a cell takes part in, as total or as part.</summary>
    public ReadOnlySpan<int> RelationsOf(int cell) =>
        _cellRelations.AsSpan(_cellRelationStart[cell], _cellRelationStart[cell + 1] - _cellRelationStart[cell]);

    /// <summary>Problem cell of each cell of the table at position <paramref name="k"/> of <see cref="TableIndices"/>.</summary>
    public ReadOnlySpan<int> TableCells(int k) => _tableCells[k];

    /// <summary>
    /// One problem over the given tables. For now their cells are disjoint; linking shared cells
    /// (a common margin, the same cell in two years' tables) only needs to change the cell mapping here.
    /// </summary>
    public static ProtectionProblem FromTables(IReadOnlyList<CountTable> tables, IReadOnlyList<int> tableIndices)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(tableIndices.Count, tables.Count, nameof(tableIndices));
        var cellCount = tables.Sum(t => t.CellCount);
        var values = new long[cellCount];
        var tableCells = new int[tables.Count][];
        var relationStart = new List<int> { 0 };
        var relationCells = new List<int>();
        var offset = 0;
        for (var k = 0; k < tables.Count; k++)
        {
            var table = tables[k];
            var map = new int[table.CellCount];
            for (var c = 0; c < map.Length; c++)
            {
                map[c] = offset + c;
                values[offset + c] = table.Values[c];
            }

            foreach (var relation in table.Relations())
            {
                relationCells.Add(map[relation.Total]);
                foreach (var part in relation.Parts)
                {
                    relationCells.Add(map[part]);
                }

                relationStart.Add(relationCells.Count);
            }

            tableCells[k] = map;
            offset += table.CellCount;
        }

        return new ProtectionProblem(values, relationStart.ToArray(), relationCells.ToArray(), tableIndices.ToArray(), tableCells)
        {
            MaxValue = values.Length == 0 ? 0 : values.Max(),
        };
    }

    private static (int[] Start, int[] Relations) InvertRelations(int cellCount, int[] relationStart, int[] relationCells)
    {
        var start = new int[cellCount + 1];
        foreach (var cell in relationCells)
        {
            start[cell + 1]++;
        }

        for (var c = 0; c < cellCount; c++)
        {
            start[c + 1] += start[c];
        }

        var next = start[..^1];
        var relations = new int[relationCells.Length];
        for (var r = 0; r + 1 < relationStart.Length; r++)
        {
            for (var i = relationStart[r]; i < relationStart[r + 1]; i++)
            {
                relations[next[relationCells[i]]++] = r;
            }
        }

        return (start, relations);
    }
}
