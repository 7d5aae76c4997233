using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// The cells and relations that one suppression pattern must protect together. Built from one or more
/// tables of a release; each table cell maps to a problem cell, and cells that linked tables share (same
/// persons, same codes on their common dimensions, totals elsewhere) map to the same problem cell, so they
/// are one decision and one unknown of the attacker. Relations are stored flat (total first, then its parts)
/// because the solvers walk them in hot loops; a relation of a non-additive table only bounds its total.
/// </summary>
public sealed class ProtectionProblem
{
    private readonly long[] _values;
    private readonly int[] _relationStart;
    private readonly int[] _relationCells;
    private readonly bool[] _relationAdditive;
    private readonly int[] _cellRelationStart;
    private readonly int[] _cellRelations;
    private readonly int[] _tableIndices;
    private readonly int[][] _tableCells;

    private ProtectionProblem(long[] values, int[] relationStart, int[] relationCells, bool[] relationAdditive, int[] tableIndices, int[][] tableCells)
    {
        _values = values;
        _relationStart = relationStart;
        _relationCells = relationCells;
        _relationAdditive = relationAdditive;
        _tableIndices = tableIndices;
        _tableCells = tableCells;
        (_cellRelationStart, _cellRelations) = InvertRelations(values.Length, relationStart, relationCells);
    }

    public int CellCount => _values.Length;

    public int RelationCount => _relationStart.Length - 1;

    public ReadOnlySpan<long> Values => _values;

    /// <summary>The largest cell value (the grand total of an additive table).</summary>
    public long MaxValue { get; private init; }

    /// <summary>The release's cells that dominance or earlier releases make primary, beside the policy's threshold rule.</summary>
    public ReleaseSensitivity Sensitivity { get; private init; } = ReleaseSensitivity.None;

    /// <summary>Release positions of the tables this problem covers.</summary>
    public IReadOnlyList<int> TableIndices => _tableIndices;

    /// <summary>The total of the relation followed by its parts.</summary>
    public ReadOnlySpan<int> RelationCells(int relation) =>
        _relationCells.AsSpan(_relationStart[relation], _relationStart[relation + 1] - _relationStart[relation]);

    /// <summary>
    /// True when the total equals the sum of the parts; false for a relation of a non-additive table, where the
    /// total is only known to lie between the largest part and the sum of the parts.
    /// </summary>
    public bool IsAdditive(int relation) => _relationAdditive[relation];

    /// <summary>The relations a cell takes part in, as total or as part.</summary>
    public ReadOnlySpan<int> RelationsOf(int cell) =>
        _cellRelations.AsSpan(_cellRelationStart[cell], _cellRelationStart[cell + 1] - _cellRelationStart[cell]);

    /// <summary>Problem cell of each cell of the table at position <paramref name="k"/> of <see cref="TableIndices"/>.</summary>
    public ReadOnlySpan<int> TableCells(int k) => _tableCells[k];

    /// <summary>
    /// One problem over the given tables. Tables with the same <see cref="CountTable.LinkGroup"/> share every cell
    /// they have in common; a relation stated by two tables is kept once.
    /// </summary>
    /// <param name="sensitivity">The release's cells that dominance or earlier releases make primary (by release table position).</param>
    public static ProtectionProblem FromTables(IReadOnlyList<CountTable> tables, IReadOnlyList<int> tableIndices, ReleaseSensitivity? sensitivity = null)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(tableIndices.Count, tables.Count, nameof(tableIndices));
        var values = new List<long>(tables.Sum(t => t.CellCount));
        var tableCells = new int[tables.Count][];
        var shared = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var k = 0; k < tables.Count; k++)
        {
            var table = tables[k];
            var map = tableCells[k] = new int[table.CellCount];
            var linked = table.LinkGroup is { } group && tables.Count(t => t.LinkGroup == group) > 1;
            if (!linked)
            {
                for (var c = 0; c < map.Length; c++)
                {
                    map[c] = values.Count;
                    values.Add(table.Values[c]);
                }

                continue;
            }

            var keys = CellKeys(table, tables.Where(t => t.LinkGroup == table.LinkGroup));
            if (!shared.TryGetValue(table.LinkGroup!, out var known))
            {
                shared[table.LinkGroup!] = known = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            for (var c = 0; c < map.Length; c++)
            {
                if (known.TryGetValue(keys[c], out var cell))
                {
                    if (values[cell] != table.Values[c])
                    {
                        throw new DisclosureException(
                            $"Linked tables disagree: cell {keys[c]} of '{table.Name}' is {table.Values[c]}, another table of link group '{table.LinkGroup}' has {values[cell]}.");
                    }

                    map[c] = cell;
                    continue;
                }

                map[c] = known[keys[c]] = values.Count;
                values.Add(table.Values[c]);
            }
        }

        var relationStart = new List<int> { 0 };
        var relationCells = new List<int>();
        var relationAdditive = new List<bool>();
        var stated = tables.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var k = 0; k < tables.Count; k++)
        {
            var map = tableCells[k];
            foreach (var relation in tables[k].Relations())
            {
                var total = map[relation.Total];
                var parts = relation.Parts.Select(p => map[p]).ToArray();
                if (stated is not null && !stated.Add($"{tables[k].Additive}:{total}:{string.Join(',', parts.Order())}"))
                {
                    continue; // the same relation from a linked table
                }

                relationCells.Add(total);
                relationCells.AddRange(parts);
                relationStart.Add(relationCells.Count);
                relationAdditive.Add(tables[k].Additive);
            }
        }

        var valueArray = values.ToArray();
        return new ProtectionProblem(valueArray, relationStart.ToArray(), relationCells.ToArray(), relationAdditive.ToArray(), tableIndices.ToArray(), tableCells)
        {
            MaxValue = valueArray.Length == 0 ? 0 : valueArray.Max(),
            Sensitivity = sensitivity ?? ReleaseSensitivity.None,
        };
    }

    /// <summary>
    /// A key naming what a cell counts across the linked tables: its code on every dimension any of them has
    /// (matched by dimension name), the total where the table lacks the dimension.
    /// </summary>
    private static string[] CellKeys(CountTable table, IEnumerable<CountTable> linked)
    {
        var names = linked.SelectMany(t => t.Dimensions.Select(d => d.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var position = names.Select(n => table.Dimensions.ToList().FindIndex(d => d.Name == n)).ToArray();
        var keys = new string[table.CellCount];
        var codes = new string[names.Length];
        for (var c = 0; c < keys.Length; c++)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var d = position[i];
                codes[i] = d < 0 ? TableDimension.TotalCode : table.Dimensions[d].Codes[table.CodeIndex(c, d)].Code;
            }

            keys[c] = string.Join('\u001f', codes);
        }

        return keys;
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
