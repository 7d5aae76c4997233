using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>Builds the tables the tests protect.</summary>
internal static class TestTables
{
    public static TableDimension Flat(string name, params string[] codes) =>
        TableDimension.Flat(name, "Total", codes.Select(c => (c, c)));

    /// <summary>A two-level hierarchy, e.g. region &gt; municipality.</summary>
    public static TableDimension TwoLevel(string name, params (string Group, string[] Members)[] groups) =>
        new(name, new[] { new DimensionCode(TableDimension.TotalCode, "Total", null) }
            .Concat(groups.Select(g => new DimensionCode(g.Group, g.Group, TableDimension.TotalCode)))
            .Concat(groups.SelectMany(g => g.Members.Select(m => new DimensionCode(m, m, g.Group)))));

    /// <summary>A table from its inner cells, given in row-major order of the leaf codes.</summary>
    public static CountTable FromInner(string name, TableDimension[] dimensions, params long[] inner)
    {
        var leaves = dimensions.Select(d => Enumerable.Range(0, d.Count).Where(d.IsLeaf).ToArray()).ToArray();
        var position = leaves.Select(l => l.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i)).ToArray();
        return CountTable.FromInnerCells(name, dimensions, coordinates =>
        {
            var index = 0;
            for (var d = 0; d < coordinates.Length; d++)
            {
                index = index * leaves[d].Length + position[d][coordinates[d]];
            }

            return inner[index];
        });
    }

    public static int Cell(CountTable table, params string[] codes) =>
        table.CellIndex(codes.Select((code, d) => table.Dimensions[d].IndexOf(code)).ToArray());

    /// <summary>Example 1 of the domain notes: region x sex.</summary>
    public static CountTable RegionBySex() =>
        FromInner("region-by-sex", [Flat("region", "A", "B", "C", "D"), Flat("sex", "male", "female")],
            18, 2,
            14, 19,
            12, 10,
            11, 14);

    /// <summary>
    /// A random table with many small counts: 2 or 3 dimensions, the first sometimes a
    /// region &gt; municipality hierarchy.
    /// </summary>
    public static CountTable Random(Random random, int maxLeaves = 4)
    {
        var dimensionCount = random.Next(2, 4);
        var dimensions = new TableDimension[dimensionCount];
        for (var d = 0; d < dimensionCount; d++)
        {
            if (d == 0 && random.Next(3) == 0)
            {
                var groups = Enumerable.Range(0, random.Next(2, 4))
                    .Select(g => ($"R{g}", Enumerable.Range(0, random.Next(1, 4)).Select(m => $"R{g}M{m}").ToArray()))
                    .ToArray();
                dimensions[d] = TwoLevel("area", groups);
            }
            else
            {
                var leaves = random.Next(2, dimensionCount == 3 ? Math.Min(4, maxLeaves) : maxLeaves + 1);
                dimensions[d] = Flat($"d{d}", Enumerable.Range(0, leaves).Select(i => $"c{i}").ToArray());
            }
        }

        var innerCount = dimensions.Aggregate(1, (n, dim) => n * Enumerable.Range(0, dim.Count).Count(dim.IsLeaf));
        var inner = new long[innerCount];
        for (var i = 0; i < inner.Length; i++)
        {
            inner[i] = random.Next(10) switch
            {
                < 2 => 0,
                < 6 => random.Next(1, 5),
                _ => random.Next(5, 30),
            };
        }

        return FromInner($"random-{dimensionCount}d", dimensions, inner);
    }

    /// <summary>
    /// A random table of 2 to 4 dimensions, each flat, two-level (region &gt; municipality) or three-level
    /// (chapter &gt; block &gt; code), with many small counts; at most <paramref name="maxCells"/> cells with margins.
    /// </summary>
    public static CountTable RandomHierarchical(Random random, int maxCells = 600)
    {
        while (true)
        {
            var dimensionCount = random.Next(2, 5);
            var dimensions = Enumerable.Range(0, dimensionCount).Select(d => RandomDimension(random, $"d{d}")).ToArray();
            if (dimensions.Aggregate(1L, (n, dim) => n * dim.Count) > maxCells)
            {
                continue;
            }

            var innerCount = dimensions.Aggregate(1, (n, dim) => n * Enumerable.Range(0, dim.Count).Count(dim.IsLeaf));
            var inner = new long[innerCount];
            for (var i = 0; i < inner.Length; i++)
            {
                inner[i] = random.Next(10) switch
                {
                    < 2 => 0,
                    < 5 => random.Next(1, 5),
                    _ => random.Next(5, 40),
                };
            }

            return FromInner($"random-{dimensionCount}d", dimensions, inner);
        }
    }

    private static TableDimension RandomDimension(Random random, string name)
    {
        switch (random.Next(4))
        {
            case 0:
                return TwoLevel(name, Enumerable.Range(0, random.Next(2, 4))
                    .Select(g => ($"G{g}", Enumerable.Range(0, random.Next(1, 4)).Select(m => $"G{g}M{m}").ToArray()))
                    .ToArray());
            case 1:
                var codes = new List<DimensionCode> { new(TableDimension.TotalCode, "Total", null) };
                var chapters = Enumerable.Range(0, 2).Select(c => $"C{c}").ToArray();
                codes.AddRange(chapters.Select(c => new DimensionCode(c, c, TableDimension.TotalCode)));
                var blocks = chapters.SelectMany(c => Enumerable.Range(0, random.Next(1, 3)).Select(b => (Block: $"{c}B{b}", Chapter: c))).ToArray();
                codes.AddRange(blocks.Select(b => new DimensionCode(b.Block, b.Block, b.Chapter)));
                codes.AddRange(blocks.SelectMany(b => Enumerable.Range(0, random.Next(1, 3)).Select(k => new DimensionCode($"{b.Block}K{k}", $"{b.Block}K{k}", b.Block))));
                return new TableDimension(name, codes);
            default:
                return Flat(name, Enumerable.Range(0, random.Next(2, 5)).Select(i => $"c{i}").ToArray());
        }
    }
}
