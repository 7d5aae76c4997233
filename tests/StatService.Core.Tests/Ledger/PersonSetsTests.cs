using StatService.Core.Catalogue;
using StatService.Core.Ledger;
using StatService.Core.Tables;

namespace StatService.Core.Tests.Ledger;

/// <summary>
/// The person set of each cell of a real product's release: the order's criteria narrowed by the cell's codes, in a
/// canonical form that the same persons get whichever product or order counts them.
/// </summary>
public sealed class PersonSetsTests
{
    private static readonly CohortParameters Diabetics = new()
    {
        Diagnoses = new DiagnosisCriteria { Include = ["DE11"] },
        Period = new Period(new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31)),
        IndexDate = new DateOnly(2023, 12, 31),
        Age = new AgeRange(18, null),
    };

    [Fact]
    public void An_order_without_breakdown_has_one_cell_holding_its_filters()
    {
        var set = Single("patient-count", Diabetics);

        Assert.Equal(CodeSet.All, set.Sexes);
        Assert.Equal(new AgeSpan(18, null), set.Ages);
        Assert.Equal(CodeSet.All, set.Regions);
    }

    [Fact]
    public void The_same_order_for_men_lies_inside_it()
    {
        var everyone = Single("patient-count", Diabetics);
        var men = Single("patient-count", Diabetics with { Sex = "male" });

        Assert.True(men.IsWithin(everyone));
        Assert.Equal(CodeSet.Of(["male"]), men.Sexes);
    }

    [Fact]
    public void A_margin_is_the_whole_filter_and_a_cell_narrows_it_by_its_codes()
    {
        var parameters = Diabetics with { Regions = ["1081", "1082"], Breakdown = ["region", "sex", "ageband"] };
        var (table, sets) = Release("patient-count", parameters);

        Assert.Equal(Single("patient-count", Diabetics with { Regions = ["1082", "1081"] }), sets[Cell(table, "total", "total", "total")]);
        Assert.Equal(
            new PersonSet(sets[0]!.Context, CodeSet.Of(["female"]), new AgeSpan(18, 19), CodeSet.Of(["1081"])),
            sets[Cell(table, "1081", "female", "10-19")]);
        Assert.Equal(Single("patient-count", Diabetics with { Sex = "male", Regions = ["1082"] }), sets[Cell(table, "1082", "male", "total")]);
        // Outside the order's filters: a cell of nobody, by definition.
        Assert.Null(sets[Cell(table, "1083", "total", "total")]);
        Assert.Null(sets[Cell(table, "1081", "male", "0-9")]);
    }

    [Fact]
    public void Products_counting_the_cohort_give_its_cells_the_same_person_sets()
    {
        var patientCount = Single("patient-count", Diabetics);
        var customTable = Single("custom-table", Diabetics with { Measure = Measures.Persons });
        var profile = RepositoryCatalogue.Product("group-profile");
        var tables = ReleaseTableBuilder.Build(profile, Diabetics, RepositoryCatalogue.Breakdowns, []);
        var sets = PersonSets.ForRelease(profile, Diabetics, tables);
        var byName = tables.Select((t, i) => (t.Name, Sets: sets[i])).ToDictionary(x => x.Name, x => x.Sets);

        Assert.Equal(patientCount, customTable);
        Assert.Equal(patientCount, byName["region"][0]);
        Assert.Equal(patientCount, byName["age-sex"][0]);
        Assert.Equal(patientCount, byName["contacts"][0]);
        // A person uses several medicine groups: that table's total is persons with any dispensing, not the cohort.
        Assert.NotEqual(patientCount.Context, byName["medication"][0]!.Context);
        // The cell of one contact band counts the cohort's persons in that band only: never compared with the cohort's cells.
        Assert.NotEqual(patientCount.Context, byName["contacts"][1]!.Context);
    }

    [Fact]
    public void Everything_but_sex_age_and_region_is_part_of_the_context()
    {
        var context = Single("patient-count", Diabetics).Context;

        Assert.Equal(context, Single("patient-count", Diabetics with { Age = new AgeRange(40, 60), Regions = ["1084"], Sex = "female" }).Context);
        Assert.Equal(context, Single("patient-count", Diabetics with { Diagnoses = new DiagnosisCriteria { Include = ["DE11", "DE11"] } }).Context);
        Assert.NotEqual(context, Single("patient-count", Diabetics with { Diagnoses = new DiagnosisCriteria { Include = ["DE10"] } }).Context);
        Assert.NotEqual(context, Single("patient-count", Diabetics with { Diagnoses = new DiagnosisCriteria { Include = ["DE11"], Exclude = ["DE10"] } }).Context);
        Assert.NotEqual(context, Single("patient-count", Diabetics with { Medications = new CodeCriteria { Include = ["A10"] } }).Context);
        Assert.NotEqual(context, Single("patient-count", Diabetics with { Period = Diabetics.Period with { From = new DateOnly(2022, 1, 1) } }).Context);
        Assert.NotEqual(context, Single("patient-count", Diabetics with { IndexDate = new DateOnly(2022, 12, 31) }).Context);
        Assert.NotEqual(context, Single("patient-count", Diabetics with { Occurrence = Occurrence.FirstEver }).Context);
        Assert.NotEqual(context, Single("patient-count", Diabetics with { AliveAndResident = false }).Context);
    }

    [Fact]
    public void Residents_of_a_year_are_the_same_persons_whatever_the_diagnosis()
    {
        var product = RepositoryCatalogue.Product("incidence-prevalence");
        var diabetics = Diabetics with { Occurrence = Occurrence.FirstEver, Period = new Period(new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31)) };
        var sclerosis = diabetics with { Diagnoses = new DiagnosisCriteria { Include = ["DG35"] } };

        var first = ByTable(product, diabetics);
        var second = ByTable(product, sclerosis);

        Assert.Equal(first["population-2023"][0], second["population-2023"][0]);
        Assert.NotEqual(first["population-2022"][0]!.Context, first["population-2023"][0]!.Context);
        Assert.NotEqual(first["existing-cases-2023"][0]!.Context, second["existing-cases-2023"][0]!.Context);
        Assert.NotEqual(first["existing-cases-2023"][0]!.Context, first["population-2023"][0]!.Context);
    }

    [Fact]
    public void Only_counts_of_persons_have_person_sets()
    {
        var product = RepositoryCatalogue.Product("custom-table");
        var parameters = Diabetics with { Measure = Measures.Ddd };

        Assert.Throws<ArgumentException>(() => PersonSets.ForRelease(product, parameters, []));
    }

    private static PersonSet Single(string productId, CohortParameters parameters)
    {
        var (table, sets) = Release(productId, parameters);
        Assert.Equal(1, table.CellCount);
        return sets[0]!;
    }

    private static (CountTable Table, PersonSet?[] Sets) Release(string productId, CohortParameters parameters)
    {
        var product = RepositoryCatalogue.Product(productId);
        var tables = ReleaseTableBuilder.Build(product, parameters, RepositoryCatalogue.Breakdowns, []);
        return (Assert.Single(tables), Assert.Single(PersonSets.ForRelease(product, parameters, tables)));
    }

    private static Dictionary<string, PersonSet?[]> ByTable(ProductDefinition product, CohortParameters parameters)
    {
        var tables = ReleaseTableBuilder.Build(product, parameters, RepositoryCatalogue.Breakdowns, []);
        var sets = PersonSets.ForRelease(product, parameters, tables);
        return tables.Select((t, i) => (t.Name, Sets: sets[i])).ToDictionary(x => x.Name, x => x.Sets);
    }

    private static int Cell(CountTable table, params string[] codes) =>
        table.CellIndex(codes.Select((code, d) => table.Dimensions[d].IndexOf(code)).ToArray());
}
