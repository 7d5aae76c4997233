using StatService.Core.Tables;
using StatService.Disclosure;

namespace StatService.Disclosure.Tests;

/// <summary>domain.md worked example 3: redact up to 7, round to 5, totals from the rounded cells.</summary>
public sealed class RoundingTests
{
    private static CountTable OneRow(params long[] counts) => CountTable.FromInnerCells(
        "example",
        [TableDimension.Flat("group", "I alt", counts.Select((_, i) => ($"g{i + 1}", $"Group {i + 1}")))],
        coordinates => counts[coordinates[0] - 1]);

    [Fact]
    public void Small_counts_are_redacted_and_the_total_is_the_sum_of_the_rounded_cells()
    {
        var result = new RoundingProtection().Protect(OneRow(3, 8, 16, 23));

        Assert.Equal([50, 0, 10, 15, 25], result.Table.Values);
        Assert.Equal([CellStatus.Published, CellStatus.Suppressed, CellStatus.Published, CellStatus.Published, CellStatus.Published], result.Status);
        Assert.Null(result.PublishedValue(1));
    }

    [Fact]
    public void Counts_are_rounded_to_the_nearest_five_and_the_total_follows_them_not_the_true_total()
    {
        var result = new RoundingProtection().Protect(OneRow(18, 23, 31, 44));

        Assert.Equal([120, 20, 25, 30, 45], result.Table.Values);
        Assert.All(result.Status, s => Assert.Equal(CellStatus.Published, s));
    }

    [Fact]
    public void Margins_of_a_two_way_table_are_sums_of_published_rounded_cells()
    {
        long[,] counts = { { 3, 12 }, { 40, 9 } };
        var table = CountTable.FromInnerCells(
            "two-way",
            [TableDimension.Flat("a", "I alt", [("x", "x"), ("y", "y")]), TableDimension.Flat("b", "I alt", [("p", "p"), ("q", "q")])],
            c => counts[c[0] - 1, c[1] - 1]);

        var result = new RoundingProtection().Protect(table);

        Assert.True(result.Table.IsAdditive());
        Assert.Equal(10 + 40 + 10, result.Table.Values[0]);
        // No published value is a count from 1 to 7.
        for (var cell = 0; cell < result.Table.CellCount; cell++)
        {
            Assert.False(result.PublishedValue(cell) is >= 1 and <= 7);
        }
    }
}
