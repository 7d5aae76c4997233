using StatService.Core.Tables;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// Every product's SQL, run by the real query runner on a generated extract and built into its tables
/// (before protection), against the same definitions computed in C# over the raw Parquet rows.
/// </summary>
[Collection(SharedExtractCollection.Name)]
public sealed class ProductQueryTests(SharedExtract extract)
{
    public static TheoryData<string> CohortOrders => new()
    {
        // procedures: persons with a coronary angioplasty (PCI), men and women by age band
        """{"specVersion":1,"procedures":{"include":["KFNG"]},"period":{"from":"2019-01-01","to":"2023-12-31"},"breakdown":["sex","ageband"]}""",
        // incident (first-ever) type 2 diabetes in 2022, action diagnoses only, by region
        """{"specVersion":1,"diagnoses":{"include":["DE11"],"diagnosisTypes":["A"]},"occurrence":"first-ever","period":{"from":"2022-01-01","to":"2022-12-31"},"breakdown":["region"]}""",
        // COPD without any inhaled steroid combination, including persons who died or left before the index date
        """{"specVersion":1,"diagnoses":{"include":["DJ44"]},"medications":{"exclude":["R03AK"]},"aliveAndResident":false,"period":{"from":"2020-01-01","to":"2021-12-31"},"indexDate":"2021-06-30","breakdown":["ageband"]}""",
        // new users of metformin who also had a diabetes diagnosis, but no hip replacement
        """{"specVersion":1,"diagnoses":{"include":["DE1"]},"medications":{"include":["A10BA02"]},"procedures":{"exclude":["KNFB"]},"occurrence":"first-ever","period":{"from":"2021-01-01","to":"2023-12-31"},"breakdown":["sex","region","ageband"]}""",
    };

    [Theory]
    [MemberData(nameof(CohortOrders))]
    public async Task Patient_count_with_every_criterion_type_equals_the_independent_cohort(string parametersJson)
    {
        var parameters = extract.Read(parametersJson);
        var table = await extract.RunPatientCountAsync(parameters);

        IndependentProducts.CohortTable("patient-count", extract.Rows, parameters.ToSpec()).AssertEqual(table);
        Assert.True(table.Values[0] > 0, "The test order should find somebody, or it proves little.");
    }

    [Theory]
    [InlineData("persons")]
    [InlineData("contacts")]
    [InlineData("dispensings")]
    [InlineData("ddd")]
    public async Task Custom_table_measures_equal_the_independent_sums(string measure)
    {
        var parameters = extract.Read(
            $$"""{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2022-01-01","to":"2023-12-31"},"breakdown":["region","sex"],"measure":"{{measure}}","measureAtc":["A10"]}""",
            "custom-table");
        var table = (await extract.RunAsync("custom-table", parameters)).Single();

        var expected = IndependentProducts.CohortTable("custom-table", extract.Rows, parameters.ToSpec());
        expected.AssertEqual(table);
        Assert.True(table.Additive);
        Assert.True(table.IsAdditive());
        Assert.True(table.Values[0] > 0);
        if (measure == "persons")
        {
            Assert.Null(table.Contributions);
            return;
        }

        // Magnitude measures carry each inner cell's largest per-person values, descending, for the dominance rules.
        Assert.NotNull(table.Contributions);
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            if (!table.IsInner(cell))
            {
                continue;
            }

            var codes = Enumerable.Range(0, 2).Select(d => table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code).ToArray();
            var want = expected.Records.Where(r => r.Codes.SequenceEqual(codes)).Select(r => r.Value).OrderDescending().Take(2).ToArray();
            Assert.Equal(want, table.Contributions[cell]);
        }
    }

    [Theory]
    [InlineData("""{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2019-01-01","to":"2021-12-31"},"age":{"min":18},"medicationGroups":{"level":3,"top":10}}""")]
    [InlineData("""{"specVersion":1,"diagnoses":{"include":["DG35"]},"period":{"from":"2020-01-01","to":"2022-12-31"},"aliveAndResident":false,"medicationGroups":{"level":4,"top":5}}""")]
    public async Task Group_profile_tables_equal_the_independent_profile(string parametersJson)
    {
        var parameters = extract.Read(parametersJson, "group-profile");
        var tables = await extract.RunAsync("group-profile", parameters);
        var expected = IndependentProducts.GroupProfile(extract.Rows, parameters.ToSpec(), CohortSpecs.ChaptersOf(extract.CodeLists));

        Assert.Equal(expected.Select(e => e.Name), tables.Select(t => t.Name));
        foreach (var (want, table) in expected.Zip(tables))
        {
            want.AssertEqual(table);
            Assert.Equal(!want.DistinctPersons, table.Additive);
            Assert.Equal(table.Additive ? "cohort" : null, table.LinkGroup);
        }

        // The linked tables count the same persons.
        Assert.Single(tables.Where(t => t.Additive).Select(t => t.Values[0]).Distinct());
        Assert.True(tables[0].Values[0] > 0);
        var medication = tables.Single(t => t.Name == "medication");
        Assert.Equal(parameters.MedicationGroups.Top + 2, medication.Dimensions[0].Count);
    }

    [Theory]
    [InlineData("""{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2020-01-01","to":"2023-12-31"},"breakdown":["sex","ageband"]}""")]
    [InlineData("""{"specVersion":1,"diagnoses":{"include":["DG35"]},"period":{"from":"2021-07-01","to":"2023-06-30"},"age":{"min":20,"max":69},"breakdown":["region"]}""")]
    public async Task Incidence_and_prevalence_tables_equal_the_independent_counts(string parametersJson)
    {
        var parameters = extract.Read(parametersJson, "incidence-prevalence");
        var tables = await extract.RunAsync("incidence-prevalence", parameters);
        var expected = IndependentProducts.IncidencePrevalence(extract.Rows, parameters.ToSpec());

        Assert.Equal(expected.Select(e => e.Name).Order(), tables.Select(t => t.Name).Order());
        foreach (var want in expected)
        {
            want.AssertEqual(tables.Single(t => t.Name == want.Name));
        }

        Assert.All(tables.Where(t => t.Name.StartsWith("new-cases", StringComparison.Ordinal)), t => Assert.True(t.Values[0] > 0));
    }

    [Theory]
    [InlineData("incidence-prevalence", """{"diagnoses":{"include":["DE11"]},"period":{"from":"2020-01-01","to":"2023-12-31"},"breakdown":["sex","region"]}""")]
    [InlineData("group-profile", """{"diagnoses":{"include":["DE11"]},"period":{"from":"2021-01-01","to":"2021-12-31"},"medicationGroups":{"top":12}}""")]
    [InlineData("custom-table", """{"diagnoses":{"include":["DJ44"]},"period":{"from":"2021-01-01","to":"2021-12-31"},"breakdown":["ageband","sex","region"],"measure":"contacts"}""")]
    public async Task Size_estimates_equal_the_cells_of_the_tables_the_queries_return(string productId, string parametersJson)
    {
        // The counted size is what orders are refused on before anything runs; it must count what is built.
        var parameters = extract.Read(parametersJson, productId);
        var tables = await extract.RunAsync(productId, parameters);

        Assert.Equal(tables.Sum(t => (long)t.CellCount), extract.Catalogue.Find(productId)!.CountedCells(parameters, extract.Breakdowns));
    }
}
