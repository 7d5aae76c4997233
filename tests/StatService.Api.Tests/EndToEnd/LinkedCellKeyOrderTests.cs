using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.OrderSpec;
using StatService.Data.Tests.Cohorts;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// The real service with a copy of the catalogue whose group-profile and incidence-prevalence choose cell-key
/// perturbation: orders are delivered perturbed and identical when repeated, the linked tables show the cohort total
/// once, no count from 1 to 4 is published, and the rates are those of the published counts.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class LinkedCellKeyOrderTests(GeneratedExtract extract) : IDisposable
{
    private const int MaxNoise = 2;
    private const int SmallCountThreshold = 5;

    private readonly CellKeyCatalogue _catalogue = new("group-profile", "incidence-prevalence");

    [Fact]
    public async Task An_incidence_order_is_perturbed_identically_twice_with_rates_from_the_published_counts()
    {
        await using var application = Application();
        using var client = application.CreateClient("demo-company");
        var body = """{"product":"incidence-prevalence","parameters":{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2020-01-01","to":"2023-12-31"},"breakdown":["sex","ageband"]}}""";

        var first = await StatServiceApplication.DeliveredResultAsync(client, body);
        var second = await StatServiceApplication.DeliveredResultAsync(client, body);

        Assert.Equal("cell-key", first.GetProperty("disclosure").GetProperty("method").GetString());
        var tables = Tables(first);
        Assert.Equal(tables.Keys, Tables(second).Keys);
        foreach (var (name, table) in Tables(second))
        {
            Assert.Equal(Values(tables[name]), Values(table));
        }

        var parameters = CohortParametersJson.Deserialize(first.GetProperty("parameters").GetRawText());
        var expected = IndependentProducts.IncidencePrevalence(extract.Rows, parameters.ToSpec());
        var perturbed = AssertNoisyAndSmallCountsHidden(expected, tables);
        Assert.True(perturbed > 0, "No published count got noise.");

        var differsFromRaw = 0;
        foreach (var year in ProductYears.Of(parameters.Period))
        {
            foreach (var (rate, numerator) in new[] { ("prevalence", "existing-cases"), ("incidence", "new-cases") })
            {
                var rates = Cells(tables[$"{rate}-per-100000-{year}"]);
                var n = Cells(tables[$"{numerator}-{year}"]);
                var d = Cells(tables[$"population-{year}"]);
                var rawN = expected.Single(e => e.Name == $"{numerator}-{year}");
                var rawD = expected.Single(e => e.Name == $"population-{year}");
                Assert.Equal(n.Length, rates.Length);
                for (var i = 0; i < rates.Length; i++)
                {
                    if (n[i].Value is not { } cases || d[i].Value is not { } residents)
                    {
                        Assert.Null(rates[i].Value);
                        continue;
                    }

                    // cases are among the residents: at most 100,000 per 100,000 even where the noise says otherwise
                    var want = residents == 0 ? 0 : (long)Math.Round(Math.Min(cases, residents) * 100_000.0 / residents, MidpointRounding.AwayFromZero);
                    Assert.Equal(want, rates[i].Value);
                    var trueResidents = rawD.ValueAt(n[i].Codes);
                    var raw = trueResidents == 0 ? 0 : (long)Math.Round(rawN.ValueAt(n[i].Codes) * 100_000.0 / trueResidents, MidpointRounding.AwayFromZero);
                    differsFromRaw += raw == want ? 0 : 1;
                }
            }
        }

        Assert.True(differsFromRaw > 0, "Every rate equals the one from the true counts, so the test cannot tell which counts were used.");
    }

    [Fact]
    public async Task A_group_profile_shows_the_cohort_total_with_one_noise_in_its_linked_tables()
    {
        await using var application = Application();
        using var client = application.CreateClient("demo-company");
        var body = """{"product":"group-profile","parameters":{"specVersion":1,"diagnoses":{"include":["DE11"]},"period":{"from":"2019-01-01","to":"2021-12-31"},"age":{"min":18},"medicationGroups":{"level":4,"top":25}}}""";

        var first = await StatServiceApplication.DeliveredResultAsync(client, body);
        var second = await StatServiceApplication.DeliveredResultAsync(client, body);

        var tables = Tables(first);
        foreach (var (name, table) in Tables(second))
        {
            Assert.Equal(Values(tables[name]), Values(table));
        }

        var parameters = CohortParametersJson.Deserialize(first.GetProperty("parameters").GetRawText());
        var expected = IndependentProducts.GroupProfile(extract.Rows, parameters.ToSpec(), CohortSpecs.ChaptersOf(CodeListSet.Load(Path.Combine(_catalogue.Folder, "codelists"))));
        AssertNoisyAndSmallCountsHidden(expected, tables);

        var totals = new[] { "age-sex", "region", "contacts", "outcome" }.Select(name => Cells(tables[name]).Single(c => c.Codes.All(code => code == "total")).Value).ToArray();
        Assert.NotNull(totals[0]);
        Assert.Single(totals.Distinct());
    }

    public void Dispose() => _catalogue.Dispose();

    private StatServiceApplication Application() => new()
    {
        ExtractsDirectory = extract.Directory,
        Settings = { ["Catalogue:QueriesDirectory"] = _catalogue.Folder },
    };

    /// <summary>Every published count is 0 or at least 5 and within the noise of the truth; returns how many differ from it.</summary>
    private static int AssertNoisyAndSmallCountsHidden(IEnumerable<ExpectedTable> expected, Dictionary<string, JsonElement> tables)
    {
        var perturbed = 0;
        foreach (var want in expected)
        {
            foreach (var cell in Cells(tables[want.Name], want.Dimensions))
            {
                var truth = want.ValueAt(cell.Codes);
                if (cell.Value is { } shown)
                {
                    Assert.True(shown == 0 || shown >= SmallCountThreshold, $"{want.Name} [{string.Join(", ", cell.Codes)}]: {shown} published.");
                    Assert.InRange(shown, truth - MaxNoise, truth + MaxNoise);
                    perturbed += shown == truth ? 0 : 1;
                }
                else
                {
                    Assert.InRange(truth, 1, SmallCountThreshold - 1 + MaxNoise);
                }
            }
        }

        return perturbed;
    }


    private static Dictionary<string, JsonElement> Tables(JsonElement result) =>
        result.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

    private static string[] Values(JsonElement table) =>
        table.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("value").GetRawText()).ToArray();

    /// <summary>The cells in delivered order: codes (in the table's coordinate order, or the given dimensions') and value, null where suppressed.</summary>
    private static (string[] Codes, long? Value)[] Cells(JsonElement table, IReadOnlyList<string>? dimensions = null) =>
        table.GetProperty("cells").EnumerateArray().Select(c =>
        {
            var coordinates = c.GetProperty("coordinates");
            var codes = dimensions is null
                ? coordinates.EnumerateObject().Select(p => p.Value.GetString()!).ToArray()
                : dimensions.Select(d => coordinates.GetProperty(d).GetString()!).ToArray();
            var value = c.GetProperty("value");
            return (codes, value.ValueKind == JsonValueKind.Null ? (long?)null : long.Parse(value.GetRawText(), CultureInfo.InvariantCulture));
        }).ToArray();
}
