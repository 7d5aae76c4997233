using System.Net;
using System.Text;
using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.OrderSpec;
using StatService.Data.Tests.Cohorts;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// Each product's ready-to-run example, ordered over HTTP from the real service and delivered through
/// query, protection and rendering: every published cell equals the independent C# computation over the
/// raw Parquet rows, small counts are never published, and rates are recomputable from published counts.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class ProductOrderTests(GeneratedExtract extract)
{
    private static readonly string Queries = PipelineRegistration.DefaultQueriesDirectory;

    [Theory]
    [InlineData("patient-count")]
    [InlineData("custom-table")]
    [InlineData("group-profile")]
    [InlineData("incidence-prevalence")]
    public async Task The_products_example_is_delivered_with_every_published_cell_true(string productId)
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-association");
        using var products = JsonDocument.Parse(await client.GetStringAsync("/api/products"));
        var listed = products.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == productId);
        Assert.Equal("object", listed.GetProperty("parameterSchema").GetProperty("type").GetString());

        using var response = await client.PostAsync("/api/orders", new StringContent(listed.GetProperty("example").GetRawText(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        if (productId == "custom-table")
        {
            // Requester-designed tables wait for a caseworker's approval before they run.
            await StatServiceApplication.WaitForStatusAsync(client, id, "in_review");
            using var caseworker = application.CreateClient("demo-caseworker");
            using var approval = await caseworker.PostAsync($"/api/review/orders/{id}/approve", new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        }

        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");

        using var result = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result"));
        var root = result.RootElement;
        Assert.Equal(extract.Version, root.GetProperty("extractVersion").GetString());
        var parameters = CohortParametersJson.Deserialize(root.GetProperty("parameters").GetRawText());
        Assert.Equal(extract.Version, parameters.ExtractVersion);

        var expected = Expected(productId, parameters).ToDictionary(e => e.Name);
        var tables = root.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        var magnitude = ProductDefinition.IsMagnitude(parameters.Measure);
        var withheld = new List<string>();
        foreach (var (name, want) in expected)
        {
            var published = 0;
            foreach (var cell in tables[name].GetProperty("cells").EnumerateArray())
            {
                var coordinates = cell.GetProperty("coordinates");
                var codes = want.Dimensions.Select(d => coordinates.GetProperty(d).GetString()!).ToArray();
                var truth = want.ValueAt(codes);
                if (cell.GetProperty("status").GetString() == "published")
                {
                    Assert.Equal(truth, cell.GetProperty("value").GetInt64());
                    Assert.False(!magnitude && truth is >= 1 and <= 4, $"{name}: a count of 1-4 was published.");
                    published++;
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, cell.GetProperty("value").ValueKind);
                }
            }

            if (published == 0)
            {
                withheld.Add(name);
            }
        }

        // The release ledger may withhold a whole table of a small cohort's profile (its tables together would pin a
        // person); the order's first table, the cohort itself, always shows something.
        Assert.DoesNotContain(expected.Keys.First(), withheld);
        Assert.True(withheld.Count < expected.Count, "Nothing was published.");

        foreach (var (name, table) in tables.Where(t => t.Key.Contains("-per-100000-", StringComparison.Ordinal)))
        {
            AssertRatesFollowPublishedCounts(name, table, tables);
        }

        Assert.Equal(expected.Count + (productId == "incidence-prevalence" ? 2 * ProductYears.Of(parameters.Period).Count : 0), tables.Count);

        // The estimate taken when the order was placed counts every delivered cell, rate tables included, and the
        // quote is the product.json's price rule over those cells.
        using var order = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}"));
        long delivered = tables.Values.Sum(t => t.GetProperty("cells").GetArrayLength());
        Assert.Equal(delivered, order.RootElement.GetProperty("estimatedCells").GetInt64());
        var price = PriceRule(productId);
        Assert.Equal(price.Base + (price.PerCell * delivered), order.RootElement.GetProperty("priceQuoteDkk").GetDecimal());
    }

    /// <summary>The price rule as product.json states it, read here without the catalogue.</summary>
    public static (decimal Base, decimal PerCell) PriceRule(string productId)
    {
        using var product = JsonDocument.Parse(File.ReadAllText(Path.Combine(Queries, productId, "product.json")));
        var price = product.RootElement.GetProperty("price");
        return (price.GetProperty("baseDkk").GetDecimal(), price.GetProperty("perCellDkk").GetDecimal());
    }

    private IEnumerable<ExpectedTable> Expected(string productId, CohortParameters parameters) => productId switch
    {
        "patient-count" or "custom-table" => [IndependentProducts.CohortTable(productId, extract.Rows, parameters.ToSpec())],
        "group-profile" => IndependentProducts.GroupProfile(extract.Rows, parameters.ToSpec(), CohortSpecs.ChaptersOf(CodeListSet.Load(Path.Combine(Queries, "codelists")))),
        "incidence-prevalence" => IndependentProducts.IncidencePrevalence(extract.Rows, parameters.ToSpec()),
        _ => throw new ArgumentOutOfRangeException(nameof(productId)),
    };

    private static void AssertRatesFollowPublishedCounts(string name, JsonElement rates, IReadOnlyDictionary<string, JsonElement> tables)
    {
        var year = name[^4..];
        var numerator = tables[(name.StartsWith("incidence", StringComparison.Ordinal) ? "new-cases-" : "existing-cases-") + year];
        var denominator = tables["population-" + year];
        var cells = rates.GetProperty("cells").EnumerateArray().ToArray();
        var n = numerator.GetProperty("cells").EnumerateArray().ToArray();
        var d = denominator.GetProperty("cells").EnumerateArray().ToArray();
        Assert.Equal(n.Length, cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            if (n[i].GetProperty("value").ValueKind == JsonValueKind.Null || d[i].GetProperty("value").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal("suppressed", cells[i].GetProperty("status").GetString());
                continue;
            }

            var population = d[i].GetProperty("value").GetInt64();
            var rate = population == 0 ? 0 : (long)Math.Round(n[i].GetProperty("value").GetInt64() * 100_000.0 / population, MidpointRounding.AwayFromZero);
            Assert.Equal(rate, cells[i].GetProperty("value").GetInt64());
        }
    }
}
