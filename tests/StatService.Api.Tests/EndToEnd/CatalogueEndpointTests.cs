using System.Net;
using System.Text;
using System.Text.Json;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// What a client reads before ordering: products with a runnable example, code search, extracts. The reading tests share
/// one application; the one placing every example order starts its own, whose orders run in the background.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class CatalogueEndpointTests(GeneratedExtract extract, SharedApplication shared) : IClassFixture<SharedApplication>
{
    [Fact]
    public async Task Every_product_lists_an_example_order_that_is_accepted_as_it_is()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-company");

        using var products = JsonDocument.Parse(await client.GetStringAsync("/api/products"));

        Assert.NotEmpty(products.RootElement.EnumerateArray());
        foreach (var product in products.RootElement.EnumerateArray())
        {
            var example = product.GetProperty("example").GetRawText();
            using var response = await client.PostAsync("/api/orders", new StringContent(example, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    [Fact]
    public async Task Every_product_lists_the_price_rule_its_quotes_follow()
    {
        var products = await AnonymousProductsAsync();

        Assert.All(products.EnumerateArray(), product =>
        {
            var (baseDkk, perCellDkk) = ProductOrderTests.PriceRule(product.GetProperty("id").GetString()!);
            var price = product.GetProperty("price");
            Assert.Equal(baseDkk, price.GetProperty("baseDkk").GetDecimal());
            Assert.Equal(perCellDkk, price.GetProperty("perCellDkk").GetDecimal());
        });
    }

    [Fact]
    public async Task Every_product_has_a_danish_title_and_description_for_the_form()
    {
        var products = await AnonymousProductsAsync();

        Assert.All(products.EnumerateArray(), product =>
        {
            var danish = product.GetProperty("translations").GetProperty("da");
            Assert.False(string.IsNullOrWhiteSpace(danish.GetProperty("title").GetString()));
            Assert.NotEqual(product.GetProperty("title").GetString(), danish.GetProperty("title").GetString());
            Assert.NotEqual(product.GetProperty("description").GetString(), danish.GetProperty("description").GetString());
        });
    }

    [Theory]
    [InlineData("icd10", "sukkersyge", "DE11")]
    [InlineData("icd10", "type 2 diabetes", "DE11")]
    [InlineData("icd10", "DG35", "DG35")]
    [InlineData("atc", "metformin", "A10BA02")]
    [InlineData("region", "Hovedstaden", "1084")]
    [InlineData("procedure", "appendektomi", "KJEA00")]
    [InlineData("procedure", "laparoscopic cholecystectomy", "KJKA20")]
    [InlineData("procedure", "KFNG", "KFNG05")]
    public async Task Code_search_finds_codes_by_word_and_prefix(string system, string query, string expected)
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();

        using var found = JsonDocument.Parse(await client.GetStringAsync($"/api/codes?system={system}&q={Uri.EscapeDataString(query)}"));

        Assert.Contains(found.RootElement.EnumerateArray(), c => c.GetProperty("code").GetString() == expected);
        Assert.All(found.RootElement.EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("labelDa").GetString())));
    }

    [Fact]
    public async Task Code_search_with_an_unknown_system_names_the_field()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();

        using var response = await client.GetAsync("/api/codes?system=snomed&q=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty("system")[0].GetString();
        Assert.Contains("procedure", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Procedure_search_by_prefix_lists_the_shipped_procedure_codes_under_it()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();
        // Independent of the search code: the shipped list itself, read as plain CSV.
        var expected = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "queries", "codelists", "procedures.csv"))
            .Where(line => !line.StartsWith('#') && !line.StartsWith("code,", StringComparison.Ordinal))
            .Select(line => line.Split(',')[0])
            .Where(code => code.StartsWith("KJ", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        using var found = JsonDocument.Parse(await client.GetStringAsync("/api/codes?system=procedure&q=KJ&limit=50"));

        // Code-prefix matches come first; word matches in the titles may follow them.
        var codes = found.RootElement.EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, codes.Take(expected.Length).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Extracts_are_listed_with_their_coverage_and_no_file_locations()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();

        var text = await client.GetStringAsync("/api/extracts");
        using var extracts = JsonDocument.Parse(text);

        var only = Assert.Single(extracts.RootElement.EnumerateArray());
        Assert.Equal(extract.Version, only.GetProperty("version").GetString());
        Assert.Equal("2019-01-01", only.GetProperty("coverageFrom").GetString());
        Assert.Equal("2023-12-31", only.GetProperty("coverageTo").GetString());
        Assert.True(only.GetProperty("rows").GetProperty("cpr_person").GetInt64() >= 20_000);
        Assert.DoesNotContain(extract.Directory, text, StringComparison.Ordinal);
    }

    /// <summary>The catalogue as anyone reads it, with no key (the order form does so before a key is entered).</summary>
    private async Task<JsonElement> AnonymousProductsAsync()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();
        using var products = JsonDocument.Parse(await client.GetStringAsync("/api/products"));
        return products.RootElement.Clone();
    }
}
