using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Core.Tests.SmallGroups;

public sealed class ZeroGroupPrimariesTests
{
    private static readonly DisclosurePolicy Policy = new() { MaxSensitiveCount = 4 };

    private static TableDimension Regions() => TableDimension.Flat("region", "All", [("A", "A"), ("B", "B"), ("C", "C")]);

    private static TableDimension Sexes() => TableDimension.Flat("sex", "All", [("male", "Men"), ("female", "Women")]);

    /// <summary>Region x sex; inner values by [region, sex] (0-based leaves).</summary>
    private static CountTable Table(string name, long[,] inner) =>
        CountTable.FromInnerCells(name, [Regions(), Sexes()], c => inner[c[0] - 1, c[1] - 1]);

    private static int Cell(CountTable table, string region, string sex) =>
        table.CellIndex([table.Dimensions[0].IndexOf(region), table.Dimensions[1].IndexOf(sex)]);

    [Fact]
    public void A_zero_in_a_row_of_three_persons_is_primary_and_one_in_a_large_row_is_not()
    {
        // region A: 3 women, no men (all of A's few persons are women); region C: 40 women, no men
        var table = Table("t", new long[,] { { 0, 3 }, { 20, 25 }, { 0, 40 } });

        var found = ZeroGroupPrimaries.Find([table], [], Policy);

        Assert.Equal([Cell(table, "A", "male")], found.Cells.Select(c => c.Cell));
    }

    [Fact]
    public void A_zero_margin_passes_the_question_up_to_a_small_total()
    {
        // nobody in A or C, two women in B: the zero row A (and C) lies inside the grand total of 2
        var table = Table("t", new long[,] { { 0, 0 }, { 0, 2 }, { 0, 0 } });

        var found = ZeroGroupPrimaries.Find([table], [], Policy).Cells.Select(c => c.Cell).ToHashSet();

        var zeros = Enumerable.Range(0, table.CellCount).Where(c => table.Values[c] == 0).ToHashSet();
        Assert.Equal(zeros, found);
    }

    [Fact]
    public void A_zero_whose_cell_counts_a_few_persons_once_a_restriction_is_lifted_is_primary()
    {
        // the order (say "X excluding hypertension") is empty; the same order without the exclusion counts
        // 2 men in A and 30 women in B
        var order = Table("t", new long[,] { { 0, 0 }, { 0, 0 }, { 0, 0 } });
        var relaxed = Table("t", new long[,] { { 2, 0 }, { 0, 30 }, { 0, 0 } });

        var found = ZeroGroupPrimaries.Find([order], [[relaxed]], Policy).Cells.Select(c => c.Cell).ToHashSet();

        Assert.Contains(Cell(order, "A", "male"), found);
        Assert.Contains(Cell(order, "A", "total"), found);
        Assert.DoesNotContain(Cell(order, "B", "female"), found); // 30: a group large enough
        Assert.DoesNotContain(Cell(order, "total", "total"), found); // 32
        Assert.DoesNotContain(Cell(order, "C", "female"), found); // empty either way: nobody to tell about
    }

    [Fact]
    public void Cells_are_matched_by_table_name_and_codes_never_by_position()
    {
        var order = Table("cases", new long[,] { { 0, 9 }, { 9, 9 }, { 9, 9 } });
        var population = Table("population", new long[,] { { 3, 9 }, { 9, 9 }, { 9, 9 } });
        var cases = Table("cases", new long[,] { { 3, 9 }, { 9, 9 }, { 9, 9 } });

        Assert.Empty(ZeroGroupPrimaries.Find([order], [[population]], Policy).Cells);
        Assert.Equal([Cell(order, "A", "male")], ZeroGroupPrimaries.Find([order], [[population, cases]], Policy).Cells.Select(c => c.Cell));
    }

    [Fact]
    public void The_other_group_of_a_ranking_is_never_compared()
    {
        // 'other' holds what the top groups leave out, which differs between the order and its relaxation
        var groups = TableDimension.Flat("group", "All", [("N02", "N02"), ("other", "Other")]);
        var order = CountTable.FromInnerCells("medication", [groups], c => c[0] == 1 ? 12 : 0);
        var relaxed = CountTable.FromInnerCells("medication", [groups], c => c[0] == 1 ? 12 : 2);

        Assert.Empty(ZeroGroupPrimaries.Find([order], [[relaxed]], Policy).Cells);
    }
}
