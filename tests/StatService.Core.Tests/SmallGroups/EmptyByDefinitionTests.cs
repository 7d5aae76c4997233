using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;

namespace StatService.Core.Tests.SmallGroups;

/// <summary>Zeros the order's own filters make (men in an order for women): no news about anyone, so never hidden for it.</summary>
public sealed class EmptyByDefinitionTests
{
    private static readonly CohortParameters Women40To69InTwoRegions = new()
    {
        Period = new Period(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
        IndexDate = new DateOnly(2023, 12, 31),
        Sex = "female",
        Regions = ["1081", "1082"],
        Age = new AgeRange(40, 69),
    };

    private static CountTable Table(params (string Name, string[] Codes)[] dimensions) =>
        CountTable.FromInnerCells("t", [.. dimensions.Select(d => TableDimension.Flat(d.Name, "All", d.Codes.Select(c => (c, c))))], _ => 0);

    private static bool Empty(CountTable table, params string[] codes) =>
        CohortRelaxations.EmptyByDefinition(Women40To69InTwoRegions, table, table.CellIndex([.. codes.Select((c, d) => table.Dimensions[d].IndexOf(c))]));

    [Fact]
    public void A_cell_outside_the_orders_sex_regions_or_age_span_is_empty_by_definition()
    {
        var table = Table(("sex", ["male", "female"]), ("region", ["1081", "1082", "1083"]), ("ageband", ["30-39", "40-49", "60-69", "70-79", "90+"]));

        Assert.True(Empty(table, "male", "total", "total"));
        Assert.True(Empty(table, "total", "1083", "total"));
        Assert.True(Empty(table, "total", "total", "30-39"));
        Assert.True(Empty(table, "total", "total", "70-79"));
        Assert.True(Empty(table, "female", "1081", "90+"));
        Assert.False(Empty(table, "female", "1081", "40-49"));
        Assert.False(Empty(table, "total", "total", "60-69"));
        Assert.False(Empty(table, "total", "total", "total"));
    }

    [Fact]
    public void A_band_the_span_cuts_through_is_not_empty_by_definition()
    {
        var order = Women40To69InTwoRegions with { Age = new AgeRange(45, 64) };
        var table = Table(("ageband", ["40-49", "60-69", "70-79"]));

        Assert.False(CohortRelaxations.EmptyByDefinition(order, table, table.CellIndex([table.Dimensions[0].IndexOf("40-49")])));
        Assert.False(CohortRelaxations.EmptyByDefinition(order, table, table.CellIndex([table.Dimensions[0].IndexOf("60-69")])));
        Assert.True(CohortRelaxations.EmptyByDefinition(order, table, table.CellIndex([table.Dimensions[0].IndexOf("70-79")])));
    }

    [Fact]
    public void A_zero_empty_by_definition_stays_published_though_a_lifted_order_counts_a_few_there()
    {
        // the order is for women: its men's cells are empty by definition; lifting the sex counts 2 men in region A
        var sexes = TableDimension.Flat("sex", "All", [("male", "Men"), ("female", "Women")]);
        var order = CountTable.FromInnerCells("t", [sexes], c => c[0] == 2 ? 40 : 0);
        var lifted = CountTable.FromInnerCells("t", [sexes], c => c[0] == 2 ? 40 : 2);

        var policy = new DisclosurePolicy { MaxSensitiveCount = 4 };
        Assert.Single(ZeroGroupPrimaries.Find([order], [[lifted]], policy).Cells);
        Assert.Empty(ZeroGroupPrimaries.Find([order], [[lifted]], policy, (t, c) => CohortRelaxations.EmptyByDefinition(Women40To69InTwoRegions, t, c)).Cells);
    }
}
