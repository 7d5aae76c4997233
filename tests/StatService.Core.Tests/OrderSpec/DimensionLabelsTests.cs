using StatService.Core.OrderSpec;
using StatService.Core.Catalogue;
using StatService.Core.Tests.CodeLists;

namespace StatService.Core.Tests.OrderSpec;

/// <summary>The names of the product dimensions' codes: Danish as releases store them, English for English orders.</summary>
public sealed class DimensionLabelsTests
{
    private static readonly Breakdowns Breakdowns = new(RepositoryCodeLists.Lists);

    [Fact]
    public void Releases_keep_their_danish_names()
    {
        Assert.Equal(["I alt", "Mænd", "Kvinder"], Names("sex", "da"));
        Assert.Equal("Region Nordjylland", Name("region", "1081", "da"));
        Assert.Equal("0-9 år", Name("ageband", "0-9", "da"));
        Assert.Equal(["I alt", "Ingen kontakter", "Under 1 kontakt pr. år", "1 til under 2 pr. år", "2 til under 5 pr. år", "5 til under 10 pr. år", "10 eller flere pr. år"], Names("contactband", "da"));
        Assert.Equal("Ikke registreret død", Name("outcome", "alive", "da"));
        Assert.Equal("Død: dødsårsag ukendt", Name("outcome", "unknown", "da"));
        Assert.Equal("Personer med en diagnose", Name("chapter", "total", "da"));
        var medicines = Breakdowns.Dimension("atcgroup", ["A10"]);
        Assert.Equal("Personer med en udlevering", medicines.Codes[0].Label);
        Assert.Equal("Andre lægemidler", medicines.Codes[^1].Label);
    }

    [Fact]
    public void Every_code_of_every_dimension_has_an_english_name()
    {
        foreach (var name in Breakdowns.TableDimensionNames)
        {
            foreach (var code in Breakdowns.Dimension(name, ["A10", "C07"]).Codes)
            {
                var english = Breakdowns.Labels.Of("en", name, code.Code);
                Assert.False(string.IsNullOrWhiteSpace(english), $"{name}={code.Code} has no English name");
                Assert.True(english != code.Label, $"{name}={code.Code}: the English name is the Danish '{code.Label}'");
            }
        }

        Assert.Equal("North Denmark Region", Breakdowns.Labels.Of("en", "region", "1081"));
        Assert.Equal("Women", Breakdowns.Labels.Of("en", "sex", "female"));
        Assert.Equal("Total", Breakdowns.Labels.Of("en", "sex", "total"));
        Assert.Equal("0-9 years", Breakdowns.Labels.Of("en", "ageband", "0-9"));
        Assert.Equal("Dead: cause unknown", Breakdowns.Labels.Of("en", "outcome", "unknown"));
        Assert.Null(Breakdowns.Labels.Of("en", "year", "2021"));
        Assert.Null(Breakdowns.Labels.Of("en", "sex", "unknown"));
    }

    private static string Name(string dimension, string code, string language) =>
        Breakdowns.Labels.Of(language, dimension, code) is { } name && Breakdowns.Dimension(dimension).Codes.Single(c => c.Code == code).Label == name
            ? name
            : throw new Xunit.Sdk.XunitException($"{dimension}={code}: the release and the labels disagree");

    private static string[] Names(string dimension, string language) =>
        Breakdowns.Dimension(dimension).Codes.Select(c => Name(dimension, c.Code, language)).ToArray();
}
