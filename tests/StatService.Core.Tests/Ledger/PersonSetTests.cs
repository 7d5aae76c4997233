using StatService.Core.Ledger;

namespace StatService.Core.Tests.Ledger;

/// <summary>When one published cell's persons lie inside another's, and when they do not.</summary>
public sealed class PersonSetTests
{
    private static readonly PersonSet Everyone = new("ctx", CodeSet.All, AgeSpan.Any, CodeSet.All);

    [Fact]
    public void Men_with_a_diagnosis_lie_inside_everyone_with_it_and_not_the_other_way()
    {
        var men = Everyone with { Sexes = CodeSet.Of(["male"]) };

        Assert.True(men.IsWithin(Everyone));
        Assert.False(Everyone.IsWithin(men));
    }

    [Fact]
    public void Men_and_women_do_not_nest()
    {
        var men = Everyone with { Sexes = CodeSet.Of(["male"]) };
        var women = Everyone with { Sexes = CodeSet.Of(["female"]) };

        Assert.False(men.IsWithin(women));
        Assert.False(women.IsWithin(men));
    }

    [Fact]
    public void Every_criterion_must_nest_at_once()
    {
        var menInNorth = new PersonSet("ctx", CodeSet.Of(["male"]), new AgeSpan(18, null), CodeSet.Of(["1081"]));
        var adultsInTwoRegions = new PersonSet("ctx", CodeSet.All, new AgeSpan(18, null), CodeSet.Of(["1081", "1082"]));
        var youngInTwoRegions = adultsInTwoRegions with { Ages = new AgeSpan(0, 39) };

        Assert.True(menInNorth.IsWithin(adultsInTwoRegions));
        Assert.False(menInNorth.IsWithin(youngInTwoRegions));
        Assert.False(adultsInTwoRegions.IsWithin(menInNorth));
    }

    [Fact]
    public void Cells_of_different_contexts_never_nest()
    {
        var men = new PersonSet("other diagnosis", CodeSet.Of(["male"]), AgeSpan.Any, CodeSet.All);

        Assert.False(men.IsWithin(Everyone));
        Assert.False(Everyone.IsWithin(men));
    }

    [Fact]
    public void Every_region_is_not_taken_to_lie_inside_a_list_of_them_all()
    {
        // Persons without a region count in "every region" only: taking the two as equal would miss that difference.
        var listed = Everyone with { Regions = CodeSet.Of(["1081", "1082", "1083", "1084", "1085"]) };

        Assert.True(listed.IsWithin(Everyone));
        Assert.False(Everyone.IsWithin(listed));
    }

    [Fact]
    public void Age_spans_nest_by_their_ends_and_an_open_end_holds_every_closed_one()
    {
        Assert.True(new AgeSpan(30, 39).IsWithin(new AgeSpan(18, null)));
        Assert.True(new AgeSpan(90, null).IsWithin(new AgeSpan(18, null)));
        Assert.False(new AgeSpan(90, null).IsWithin(new AgeSpan(18, 99)));
        Assert.False(new AgeSpan(10, 19).IsWithin(new AgeSpan(18, null)));
        Assert.Equal(new AgeSpan(18, 19), new AgeSpan(10, 19).Intersect(new AgeSpan(18, null)));
        Assert.True(new AgeSpan(40, 49).Intersect(new AgeSpan(18, 30)).IsEmpty);
        Assert.Equal(new AgeSpan(90, null), AgeSpan.FromBand("90+"));
        Assert.Equal(new AgeSpan(0, 9), AgeSpan.FromBand("0-9"));
    }

    [Fact]
    public void Code_sets_read_back_from_their_text()
    {
        Assert.Equal(CodeSet.All, CodeSet.Parse(CodeSet.All.ToString()));
        var regions = CodeSet.Of(["1082", "1081", "1082"]);
        Assert.Equal("1081,1082", regions.ToString());
        Assert.Equal(regions, CodeSet.Parse("1081,1082"));
        Assert.True(CodeSet.Of(["1081"]).Intersect(CodeSet.Of(["1082"])).IsEmpty);
        Assert.Equal(CodeSet.Of(["1081"]), CodeSet.All.Intersect(CodeSet.Of(["1081"])));
    }
}
