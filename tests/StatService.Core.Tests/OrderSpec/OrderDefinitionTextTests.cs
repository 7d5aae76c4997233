using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.OrderSpec;
using StatService.Core.Tests.CodeLists;

namespace StatService.Core.Tests.OrderSpec;

/// <summary>An order's cohort in words, from the fields its product reads, in Danish and English.</summary>
public sealed class OrderDefinitionTextTests
{
    private static readonly OrderDefinitionText Text = new(
        RepositoryCodeLists.Lists, ProcedureCodes.Load(RepositoryCodeLists.Folder));

    private static readonly CohortParameters TypeTwoDiabetes = new()
    {
        Diagnoses = new DiagnosisCriteria { Include = ["DE11"] },
        Period = new Period(new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)),
        IndexDate = new DateOnly(2023, 12, 31),
        Age = new AgeRange(18, null),
    };

    [Fact]
    public void The_documented_order_reads_as_a_danish_sentence()
    {
        Assert.Equal(
            "Personer med type 2-diabetes (DE11) i 2021-2023, 18 år eller ældre den 31. december 2023, hele landet",
            Text.Describe(Product("age", "sex", "regions"), TypeTwoDiabetes, "da"));
    }

    [Fact]
    public void Only_the_fields_the_product_reads_are_told()
    {
        var withEverything = TypeTwoDiabetes with { Sex = "female", Regions = ["1081"], AliveAndResident = false, Occurrence = Occurrence.FirstEver };
        Assert.Equal(
            "Persons with type 2 diabetes mellitus (DE11) in 2021-2023",
            Text.Describe(Product(), withEverything, "en"));
        Assert.Equal(
            "Persons with type 2 diabetes mellitus (DE11) for the first time in 2021-2023, aged 18 or over on 31 December 2023, women only, in North Denmark Region, including the dead and emigrated",
            Text.Describe(Product("occurrence", "age", "sex", "regions", "aliveAndResident"), withEverything, "en"));
    }

    [Fact]
    public void Blocks_exclusions_medicines_and_partial_years_are_named()
    {
        var parameters = TypeTwoDiabetes with
        {
            Diagnoses = new DiagnosisCriteria { Include = ["DE10-DE14"], Exclude = ["DO24"] },
            Medications = new CodeCriteria { Include = ["A10BA02"] },
            Period = new Period(new DateOnly(2022, 3, 1), new DateOnly(2022, 6, 30)),
        };
        var words = Text.Describe(Product(), parameters, "da");
        Assert.StartsWith("Personer med sukkersyge (DE10-DE14) og som har indløst metformin (A10BA02) uden ", words, StringComparison.Ordinal);
        Assert.EndsWith("fra 1. marts 2022 til 30. juni 2022", words, StringComparison.Ordinal);
    }

    private static ProductDefinition Product(params string[] reads) => new()
    {
        Id = "test", Version = 1, Title = "Test", Description = "Test", Sql = "SELECT 1", QueryFile = "test.sql",
        Parameters = ["diagnoses", "medications", "period", .. reads], Breakdowns = [], Measures = ["persons"], Tables = [],
        Limits = new ProductLimits(), Disclosure = Disclosure.DisclosurePolicy.DanishDefault, Review = "never",
        Example = JsonDocument.Parse("{}").RootElement, ParameterSchema = JsonDocument.Parse("{}").RootElement,
    };
}
