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
        var relaxations = CohortRelaxations.Of(order, extract.Catalogue.Find(product)!.FixedOccurrence is not null).Select(r => r.Order).ToList();
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

    /// <summary>
    /// A query that counts variants (group-profile) counts each attribute relaxation in the order's own pass: every table
    /// of every variant must equal that relaxation's own query, cell by cell, and the order's tables the order's query.
    /// </summary>
    [Theory]
    [InlineData("""{"specVersion":1,"diagnoses":{"include":["DJ44"],"exclude":["DI50"]},"age":{"min":50,"max":79},"sex":"female","regions":["1084","1085"],"period":{"from":"2021-01-01","to":"2023-12-31"}}""")]
    [InlineData("""{"specVersion":1,"diagnoses":{"include":["DE11"]},"age":{"min":18},"period":{"from":"2021-01-01","to":"2023-12-31"},"medicationGroups":{"level":4,"top":5}}""")]
    public async Task Variants_counted_in_one_pass_equal_their_own_queries(string parametersJson)
    {
        const string product = "group-profile";
        Assert.True(extract.Catalogue.Find(product)!.CountsVariants);
        var order = extract.Read(parametersJson, product);
        var lifts = CohortRelaxations.Of(order, fixedOccurrence: false).Where(r => r.Lift is not null).ToList();
        Assert.NotEmpty(lifts);

        var queried = await extract.RunVariantsAsync(product, order, lifts);
        Assert.Equal(lifts.Count, queried.Variants.Count);
        AssertSameTables(await extract.RunAsync(product, order), queried.Order, "the order");
        foreach (var (relaxation, tables) in queried.Variants)
        {
            AssertSameTables(await extract.RunAsync(product, relaxation.Order), tables, Lifted(order, relaxation.Order));
        }
    }

    private static void AssertSameTables(IReadOnlyList<CountTable> expected, IReadOnlyList<CountTable> actual, string what)
    {
        Assert.Equal(expected.Select(t => t.Name), actual.Select(t => t.Name));
        foreach (var (wanted, got) in expected.Zip(actual))
        {
            Assert.Equal(Enumerable.Range(0, wanted.CellCount).Select(c => string.Join('/', Codes(wanted, c))), Enumerable.Range(0, got.CellCount).Select(c => string.Join('/', Codes(got, c))));
            Assert.True(wanted.Values.SequenceEqual(got.Values), $"{what}, {wanted.Name}: the variant counts other numbers than its own query");
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
