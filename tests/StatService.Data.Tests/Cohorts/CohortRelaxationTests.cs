using StatService.Core.OrderSpec;
using StatService.Core.Tables;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// Each relaxation of an order (one restriction lifted) must count, in every cell of every table, at least the persons
/// the order counts there: that is what lets a zero of the order next to a small cell of a relaxation tell something
/// about all of those persons. Checked with every product's SQL on the generated extract.
/// </summary>
[Collection(SharedExtractCollection.Name)]
public sealed class CohortRelaxationTests(SharedExtract extract)
{
    public static TheoryData<string, string> Orders => new()
    {
        { "patient-count", """{"specVersion":1,"diagnoses":{"include":["DE11"],"exclude":["DI10","DE66"]},"medications":{"include":["A10"]},"age":{"min":40,"max":79},"sex":"female","regions":["1084","1085"],"period":{"from":"2021-01-01","to":"2023-12-31"},"breakdown":["region","ageband"]}""" },
        { "patient-count", """{"specVersion":1,"diagnoses":{"include":["DE1"]},"procedures":{"exclude":["KNFB"]},"occurrence":"first-ever","period":{"from":"2021-01-01","to":"2023-12-31"},"breakdown":["sex","region","ageband"]}""" },
        { "group-profile", """{"specVersion":1,"diagnoses":{"include":["DJ44"],"exclude":["DI50"]},"age":{"min":50},"period":{"from":"2021-01-01","to":"2023-12-31"}}""" },
        { "incidence-prevalence", """{"specVersion":1,"diagnoses":{"include":["DE11"],"exclude":["DE66"]},"sex":"male","period":{"from":"2021-01-01","to":"2023-12-31"},"breakdown":["region"]}""" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Every_relaxation_counts_at_least_the_orders_persons_in_every_cell(string product, string parametersJson)
    {
        var order = extract.Read(parametersJson, product);
        var tables = await extract.RunAsync(product, order);
        var relaxations = CohortRelaxations.Of(order, extract.Catalogue.Find(product)!.FixedOccurrence is not null);
        Assert.True(relaxations.Count >= 2, "The test orders restrict in several ways.");

        foreach (var relaxation in relaxations)
        {
            var relaxed = await extract.RunAsync(product, relaxation);
            foreach (var table in tables)
            {
                var wider = relaxed.Single(t => t.Name == table.Name);
                for (var cell = 0; cell < table.CellCount; cell++)
                {
                    var same = SameCell(wider, Codes(table, cell));
                    if (Codes(table, cell).Contains("other") || (same is null && table.Name == "medication"))
                    {
                        // a ranking's groups: which are named and which fall under 'other' depends on the cohort
                        continue;
                    }

                    Assert.True(same is { } value && value >= table.Values[cell],
                        $"{table.Name} {string.Join('/', Codes(table, cell))}: {table.Values[cell]} in the order, {same} with one restriction lifted ({Lifted(order, relaxation)})");
                }
            }
        }
    }

    private static string[] Codes(CountTable table, int cell) =>
        [.. Enumerable.Range(0, table.Dimensions.Count).Select(d => table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code)];

    private static long? SameCell(CountTable table, string[] codes)
    {
        var indices = codes.Select((code, d) => table.Dimensions[d].IndexOf(code)).ToArray();
        return indices.Any(i => i < 0) ? null : table.Values[table.CellIndex(indices)];
    }

    private static string Lifted(CohortParameters order, CohortParameters relaxation) =>
        order.Occurrence != relaxation.Occurrence ? "occurrence"
        : order.AliveAndResident != relaxation.AliveAndResident ? "alive and resident"
        : order.Age != relaxation.Age ? "age"
        : order.Sex != relaxation.Sex ? "sex"
        : order.Regions.Count != relaxation.Regions.Count ? "regions"
        : "criteria";
}
