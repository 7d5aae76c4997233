using StatService.Core.CodeLists;

namespace StatService.Core.Tests.CodeLists;

public sealed class CodeListLookupTests
{
    private static CodeList Icd10 => RepositoryCodeLists.Lists.Icd10;

    private static CodeList Atc => RepositoryCodeLists.Lists.Atc;

    [Theory]
    [InlineData("DE1")]
    [InlineData("DE11")]
    [InlineData("de119")]
    [InlineData("DJ44")]
    [InlineData("DG35")]
    [InlineData("DX99")] // X99, assault by sharp object, is a real code
    public void Known_icd10_prefixes_are_accepted(string prefix) => Assert.True(Icd10.IsKnownPrefix(prefix));

    [Theory]
    [InlineData("DE1Z")]
    [InlineData("DQ94")]
    [InlineData("DU99")]
    [InlineData("DE11Z")]
    [InlineData("DE1191")] // DE119 has no further subdivision in the list
    [InlineData("")]
    public void Unknown_icd10_prefixes_are_rejected(string prefix) => Assert.False(Icd10.IsKnownPrefix(prefix));

    [Theory]
    [InlineData("A", true)]
    [InlineData("A10B", true)]
    [InlineData("A10BA02", true)]
    [InlineData("A10BZ", false)]
    [InlineData("Q", false)]
    public void Atc_prefixes_are_checked_at_every_level(string prefix, bool known) => Assert.Equal(known, Atc.IsKnownPrefix(prefix));

    [Fact]
    public void Suggestions_for_a_typo_keep_the_known_prefix()
    {
        var suggestions = Icd10.Suggest("DE1Z", 5).Select(e => e.Code).ToList();
        Assert.Equal(["DE10", "DE11", "DE12", "DE13", "DE14"], suggestions);
    }

    [Fact]
    public void Suggestions_fall_back_to_the_nearest_codes()
    {
        Assert.Equal("DE111", Icd10.Suggest("DE111X", 3)[0].Code);
        Assert.Equal("DE11", Icd10.Suggest("DE11", 3)[0].Code);
        Assert.Equal("A10BA02", Atc.Suggest("A10BA20", 1).Single().Code);
        Assert.Empty(Icd10.Suggest("DE1Z", 0));
    }

    [Theory]
    [InlineData("sukkersyge")]
    [InlineData("Diabetes")]
    [InlineData("type 2")]
    [InlineData("TYPE 2-DIABETES")]
    public void Search_finds_type_2_diabetes_by_danish_and_english_words(string query) =>
        Assert.Contains("DE11", Icd10.Search(query, 10).Select(e => e.Code));

    [Fact]
    public void Search_matches_code_prefixes_and_ignores_diacritics()
    {
        Assert.Equal("DE11", Icd10.Search("de11", 3)[0].Code);
        Assert.Contains("DJ44", Icd10.Search("kronisk obstruktiv lungesygdom", 5).Select(e => e.Code));
        Assert.Contains("1085", RepositoryCodeLists.Lists.Regions.Search("Sjaelland", 5).Select(e => e.Code));
        Assert.Contains("860", RepositoryCodeLists.Lists.Municipalities.Search("hjorring", 5).Select(e => e.Code));
        Assert.Contains("A10BA02", Atc.Search("metformin", 5).Select(e => e.Code));
        Assert.Empty(Icd10.Search("zzzqqq", 5));
    }

    [Fact]
    public void Children_and_ancestors_follow_the_hierarchy()
    {
        Assert.Equal(["DE10", "DE11", "DE12", "DE13", "DE14"], Icd10.Children("DE10-DE14").Select(e => e.Code));
        Assert.Equal(10, Icd10.Children("DE11").Count);
        Assert.Equal(["DE11", "DE10-DE14", "chIV"], Icd10.Ancestors("DE119").Select(e => e.Code));
        Assert.Equal(["A10BA", "A10B", "A10", "A"], Atc.Ancestors("A10BA02").Select(e => e.Code));
        Assert.Empty(Icd10.Ancestors("chIV"));
        Assert.Empty(Icd10.Children("DX99X"));
    }
}
