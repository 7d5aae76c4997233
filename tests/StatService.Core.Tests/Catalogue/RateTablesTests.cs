using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Core.Tests.Catalogue;

/// <summary>Rates are derived from the published counts only: hidden where either count is hidden, and never above 'per'.</summary>
public sealed class RateTablesTests
{
    private static readonly TableDimension Sex = TableDimension.Flat("sex", "Total", [("female", "Female"), ("male", "Male")]);

    private static readonly RateSpec Prevalence = new("prevalence-per-100000", "existing-cases", "population", 100_000);

    [Fact]
    public void Each_rate_is_the_published_numerator_over_the_published_denominator()
    {
        // cells: total, female, male; the male case count is hidden
        var rate = Derive(cases: ([40, 23, 17], [true, true, false]), population: ([9000, 4600, 4400], [true, true, true]));

        Assert.Equal(444, rate.PublishedValue(0)); // 40 / 9000 = 444.4 per 100,000
        Assert.Equal(500, rate.PublishedValue(1));
        Assert.Null(rate.PublishedValue(2));
    }

    [Fact]
    public void A_noisy_numerator_above_its_denominator_gives_at_most_per()
    {
        // Cell-key noise can lift 6 cases among 7 residents to 8 and lower the residents to 6; cases are among the residents.
        var rate = Derive(cases: ([8, 8, 0], [true, true, true]), population: ([6, 6, 0], [true, true, true]));

        Assert.Equal(100_000, rate.PublishedValue(0));
        Assert.Equal(100_000, rate.PublishedValue(1));
        Assert.Equal(0, rate.PublishedValue(2));
    }

    private static ProtectedTable Derive((long[] Values, bool[] Published) cases, (long[] Values, bool[] Published) population)
    {
        var tables = new[] { Table("existing-cases-2023", cases), Table("population-2023", population) };
        return Assert.Single(RateTables.Derive(tables, [Prevalence], [2023]));
    }

    private static ProtectedTable Table(string name, (long[] Values, bool[] Published) cells) =>
        new(new CountTable(name, [Sex], cells.Values) { Additive = false },
            cells.Published.Select(p => p ? CellStatus.Published : CellStatus.Suppressed).ToArray());
}
