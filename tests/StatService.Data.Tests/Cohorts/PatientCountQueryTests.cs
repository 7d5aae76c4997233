using StatService.Core.OrderSpec;
using StatService.Core.Tables;
using StatService.Data.Extracts;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// The patient-count SQL, run by the real query runner on a generated extract, against the same
/// definition computed in C# over the raw Parquet rows: every inner cell and every margin must agree.
/// </summary>
[Collection(SharedExtractCollection.Name)]
public sealed class PatientCountQueryTests(SharedExtract extract)
{
    public static TheoryData<string> Orders => new()
    {
        // the documented example
        """{"diagnoses":{"include":["DE11"],"exclude":[]},"medications":{"include":[]},"period":{"from":"2021-01-01","to":"2023-12-31"},"indexDate":"2023-12-31","age":{"min":18,"max":null},"sex":null,"regions":[],"breakdown":["region","sex","ageband"]}""",
        // diabetes of any type, but not type 1, on metformin, women 40-79 in two regions
        """{"diagnoses":{"include":["DE1"],"exclude":["DE10"]},"medications":{"include":["A10BA"]},"period":{"from":"2020-01-01","to":"2022-12-31"},"indexDate":"2022-12-31","age":{"min":40,"max":79},"sex":"female","regions":["1084","1085"],"breakdown":["ageband","region"]}""",
        // a rare disease, index date inside the period, no breakdown
        """{"diagnoses":{"include":["DG35"],"exclude":[]},"period":{"from":"2019-01-01","to":"2023-12-31"},"indexDate":"2021-06-30","breakdown":[]}""",
        // COPD by sex only, with inhaler dispensings
        """{"diagnoses":{"include":["DJ44"],"exclude":[]},"medications":{"include":["R03"]},"period":{"from":"2021-01-01","to":"2021-12-31"},"indexDate":"2021-12-31","breakdown":["sex"]}""",
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Every_cell_equals_an_independent_count_over_the_raw_registers(string parametersJson)
    {
        var parameters = extract.Read(parametersJson);
        var table = await extract.RunPatientCountAsync(parameters);
        var expected = IndependentCohortCount.Count(extract.Rows, parameters);

        Assert.True(table.IsAdditive());
        var byCode = parameters.Breakdown.ToArray();
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            var codes = byCode.Select((name, d) => (name, code: table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code))
                .ToDictionary(x => x.name, x => x.code);
            bool Matches(string dimension, string value) =>
                !codes.TryGetValue(dimension, out var code) || code == TableDimension.TotalCode || code == value;
            var want = expected
                .Where(e => Matches(Breakdowns.Region, e.Key.Region) && Matches(Breakdowns.Sex, e.Key.Sex) && Matches(Breakdowns.AgeBand, e.Key.AgeBand))
                .Sum(e => e.Value);
            Assert.Equal(want, table.Values[cell]);
        }

        Assert.True(table.Values[0] > 0, "The test order should find somebody, or it proves little.");
    }

    [Fact]
    public async Task Retracted_diagnoses_do_not_count()
    {
        // Persons whose only qualifying diagnoses were all retracted must be missing from the count.
        var parameters = extract.Read("""{"diagnoses":{"include":["D"],"exclude":[]},"period":{"from":"2019-01-01","to":"2023-12-31"},"indexDate":"2023-12-31","breakdown":[]}""");
        var table = await extract.RunPatientCountAsync(parameters);
        var withoutRetractionRule = IndependentCohortCount.Count(
            extract.Rows with { Diagnoses = extract.Rows.Diagnoses.Select(d => d with { Retracted = "Nej" }).ToList() },
            parameters).Values.Sum();
        Assert.Equal(IndependentCohortCount.Count(extract.Rows, parameters).Values.Sum(), table.Values[0]);
        Assert.True(withoutRetractionRule >= table.Values[0]);
    }

    [Fact]
    public async Task Codes_in_parameters_are_bound_values_not_sql()
    {
        // A prefix with SQL in it can never pass validation; bound directly, it is just a string that matches nothing.
        var parameters = extract.Read("""{"diagnoses":{"include":["DE11"],"exclude":[]},"period":{"from":"2019-01-01","to":"2023-12-31"},"indexDate":"2023-12-31","breakdown":[]}""")
            with { Diagnoses = new DiagnosisCriteria { Include = ["DE11') OR 1=1 --"] } };
        var table = await extract.RunPatientCountAsync(parameters);
        Assert.Equal(0, table.Values[0]);
    }
}
