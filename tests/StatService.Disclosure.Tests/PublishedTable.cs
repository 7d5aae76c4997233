using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>
/// Everything an outsider sees of a protected table, rebuilt without the engine: the codes of each
/// dimension with their parents, and per cell a value or "suppressed". The additivity equations are
/// derived here from the hierarchy, independently of <see cref="CountTable.Relations"/>.
/// </summary>
internal sealed class PublishedTable
{
    public PublishedTable(ProtectedTable release)
    {
        var dimensions = release.Table.Dimensions;
        Sizes = dimensions.Select(d => d.Codes.Count).ToArray();
        Children = dimensions.Select(d =>
        {
            var position = d.Codes.Select((code, i) => (code.Code, i)).ToDictionary(x => x.Code, x => x.i);
            var children = d.Codes.Select(_ => new List<int>()).ToArray();
            for (var i = 0; i < d.Codes.Count; i++)
            {
                if (d.Codes[i].Parent is { } parent)
                {
                    children[position[parent]].Add(i);
                }
            }

            return children.Select(c => c.ToArray()).ToArray();
        }).ToArray();

        Additive = release.Table.Additive;
        DimensionNames = dimensions.Select(d => d.Name).ToArray();
        Codes = dimensions.Select(d => d.Codes.Select(c => c.Code).ToArray()).ToArray();
        CellCount = Sizes.Aggregate(1, (a, b) => a * b);
        Published = new long?[CellCount];
        for (var c = 0; c < CellCount; c++)
        {
            Published[c] = release.PublishedValue(c);
        }

        Equations = BuildEquations();
    }

    public int[] Sizes { get; }

    /// <summary>False when margins only bound their parts (largest part &lt;= margin &lt;= sum of parts).</summary>
    public bool Additive { get; }

    public string[] DimensionNames { get; }

    /// <summary>Per dimension, the codes in order.</summary>
    public string[][] Codes { get; }

    /// <summary>Per dimension, per code: the codes directly below it.</summary>
    public int[][][] Children { get; }

    public int CellCount { get; }

    /// <summary>The published value of each cell, null where suppressed.</summary>
    public long?[] Published { get; }

    /// <summary>Each equation: (total cell, part cells), meaning total = sum of parts.</summary>
    public IReadOnlyList<(int Total, int[] Parts)> Equations { get; }

    public IEnumerable<int> SuppressedCells => Enumerable.Range(0, CellCount).Where(c => Published[c] is null);

    public int Index(int[] coordinates)
    {
        var index = 0;
        for (var d = 0; d < Sizes.Length; d++)
        {
            index = index * Sizes[d] + coordinates[d];
        }

        return index;
    }

    public int[] Coordinates(int index)
    {
        var result = new int[Sizes.Length];
        for (var d = Sizes.Length - 1; d >= 0; d--)
        {
            result[d] = index % Sizes[d];
            index /= Sizes[d];
        }

        return result;
    }

    private List<(int, int[])> BuildEquations()
    {
        var equations = new List<(int, int[])>();
        for (var cell = 0; cell < CellCount; cell++)
        {
            var coordinates = Coordinates(cell);
            for (var d = 0; d < Sizes.Length; d++)
            {
                var children = Children[d][coordinates[d]];
                if (children.Length == 0)
                {
                    continue;
                }

                var parts = children.Select(child =>
                {
                    var moved = (int[])coordinates.Clone();
                    moved[d] = child;
                    return Index(moved);
                }).ToArray();
                equations.Add((cell, parts));
            }
        }

        return equations;
    }
}
