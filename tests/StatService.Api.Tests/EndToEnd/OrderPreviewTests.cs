using System.Net;
using System.Text;
using System.Text.Json;
using StatService.TestSupport.Deliverables;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// A preview answers what an order of the same body would be (definition in words, delivered cells, review, price)
/// with the same checks and the same problem+json as ordering, and stores nothing. Tests that place an order or count
/// orders start an application each; the previews and refusals, which store nothing, share one.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class OrderPreviewTests(GeneratedExtract extract, SharedApplication shared) : IClassFixture<SharedApplication>
{
    private const string Incidence = """
        {"product": "incidence-prevalence",
         "parameters": {"diagnoses": {"include": ["DE11"], "exclude": []},
                        "period": {"from": "{from}", "to": "{to}"}, "breakdown": ["sex", "ageband"]}}
        """;

    [Fact]
    public async Task The_preview_tells_the_cells_and_the_price_the_order_is_delivered_with_and_stores_nothing()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-journalist");
        var body = IncidenceBody("2020-01-01", "2023-12-31");
        var before = await OrderCountAsync(client);

        var (status, preview) = await PostAsync(client, "/api/orders/preview", body, "da");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before, await OrderCountAsync(client));
        Assert.Equal("da", preview.GetProperty("language").GetString());
        Assert.False(preview.GetProperty("reviewRequired").GetBoolean());
        Assert.Equal(0, preview.GetProperty("notes").GetArrayLength());

        using var placed = await SendAsync(client, "/api/orders", body, "da");
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        var id = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");

        using var result = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result"));
        var tables = result.RootElement.GetProperty("tables").EnumerateArray().ToArray();
        Assert.Contains(tables, t => t.GetProperty("name").GetString()!.StartsWith("incidence-per-100000-", StringComparison.Ordinal));
        long delivered = tables.Sum(t => t.GetProperty("cells").GetArrayLength());
        Assert.Equal(delivered, preview.GetProperty("estimatedCells").GetInt64());

        var (baseDkk, perCell) = ProductOrderTests.PriceRule("incidence-prevalence");
        var quote = baseDkk + (perCell * delivered);
        Assert.Equal(quote, preview.GetProperty("priceQuoteDkk").GetDecimal());
        Assert.Equal(quote, order.GetProperty("priceQuoteDkk").GetDecimal());
        Assert.StartsWith($"{quote.ToString("N0", Core.Localization.Texts.NumberFormat("da"))} kr.", preview.GetProperty("price").GetString(), StringComparison.Ordinal);

        // The definition in words is the one the order is delivered with.
        Assert.Equal(order.GetProperty("words").GetProperty("definition").GetProperty("da").GetString(), preview.GetProperty("definition").GetString());
        Assert.Equal("Incidens og prævalens", preview.GetProperty("productTitle").GetString());
    }

    [Fact]
    public async Task The_preview_lays_out_every_table_as_it_is_delivered_and_tells_the_turnaround()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-journalist");
        var body = IncidenceBody("2020-01-01", "2023-12-31");

        var (_, preview) = await PostAsync(client, "/api/orders/preview", body, "da");
        var layouts = preview.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table").GetString()!, StringComparer.Ordinal);
        Assert.Equal(
            "Indbyggere, én tabel for hvert år 2020-2023: 11 rækker (aldersgruppe) × 3 kolonner (køn)",
            layouts["population"].GetProperty("text").GetString());
        Assert.Equal(preview.GetProperty("estimatedCells").GetInt64(), layouts.Values.Sum(t => t.GetProperty("cells").GetInt64()));
        Assert.Equal("Resultatet er normalt klar få minutter efter, at du har sendt bestillingen.", preview.GetProperty("turnaround").GetString());

        using var placed = await SendAsync(client, "/api/orders", body, "da");
        var id = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");

        // Every delivered table has the rows and columns the preview said, laid out as the deliverables lay it out.
        var release = Delivery.Release.ReleaseDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result"));
        Assert.Equal(layouts.Values.Sum(t => t.GetProperty("years").GetArrayLength()), release.Tables.Count);
        foreach (var table in release.Tables)
        {
            var layout = layouts[table.Name[..table.Name.LastIndexOf('-')]];
            Assert.Contains(int.Parse(table.Name[(table.Name.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture), layout.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
            var crossTab = Delivery.Release.ReleaseCrossTab.For(table);
            Assert.Equal(layout.GetProperty("rows").GetInt64(), crossTab.RowKeys.Count);
            Assert.Equal(layout.GetProperty("columns").GetInt64(), crossTab.ColumnDimension is { } across ? table.Dimensions[across].Codes.Count : 1);
            Assert.Equal(layout.GetProperty("columnsBy").GetString(), crossTab.ColumnDimension is { } c ? table.Dimensions[c].Name : null);
        }

        // The order tells the same layout (the status page and the caseworker show it).
        Assert.Equal(
            layouts.Values.Select(t => t.GetProperty("text").GetString()),
            order.GetProperty("words").GetProperty("tables").GetProperty("da").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task The_preview_speaks_english_unless_danish_is_asked_for()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient("demo-journalist");

        var (_, english) = await PostAsync(client, "/api/orders/preview", DocumentedOrder.Body, null);
        var (_, danish) = await PostAsync(client, "/api/orders/preview", DocumentedOrder.Body, "da-DK,da;q=0.9");

        Assert.Equal("en", english.GetProperty("language").GetString());
        Assert.StartsWith("Persons with type 2 diabetes mellitus (DE11)", english.GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Personer med type 2-diabetes (DE11)", danish.GetProperty("definition").GetString(), StringComparison.Ordinal);
        Assert.Equal("The order runs automatically, without review.", english.GetProperty("review").GetString());
        Assert.Equal("Bestillingen køres automatisk, uden sagsbehandling.", danish.GetProperty("review").GetString());
        Assert.Equal(english.GetProperty("estimatedCells").GetInt64(), danish.GetProperty("estimatedCells").GetInt64());
        Assert.StartsWith("DKK ", english.GetProperty("price").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputTests.BadOrders), MemberType = typeof(BadInputTests))]
    public async Task A_bad_body_gets_the_same_problem_as_ordering_it(string body, string field, string reason)
    {
        _ = reason;
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient("demo-journalist");

        var (previewStatus, preview) = await PostAsync(client, "/api/orders/preview", body, "da");
        var (orderStatus, order) = await PostAsync(client, "/api/orders", body, "da");

        Assert.Equal(HttpStatusCode.BadRequest, previewStatus);
        Assert.Equal(orderStatus, previewStatus);
        Assert.True(preview.GetProperty("errors").TryGetProperty(field, out _), $"The preview names no {field}.");
        Assert.Equal(order.GetProperty("title").GetString(), preview.GetProperty("title").GetString());
        Assert.Equal(order.GetProperty("detail").GetString(), preview.GetProperty("detail").GetString());
        Assert.Equal(order.GetProperty("errors").GetRawText(), preview.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task New_cases_in_the_extract_s_first_year_are_warned_of_in_the_preview_status_report_and_workbook()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-journalist");
        var body = IncidenceBody("2019-01-01", "2020-12-31");
        using var extracts = JsonDocument.Parse(await client.GetStringAsync("/api/extracts"));
        var first = extracts.RootElement[0].GetProperty("coverageFrom").GetString()![..4];
        Assert.Equal("2019", first);

        var (_, preview) = await PostAsync(client, "/api/orders/preview", body, "da");
        var note = Assert.Single(preview.GetProperty("notes").EnumerateArray()).GetString()!;
        Assert.Contains($"Nye tilfælde i {first} er for mange", note, StringComparison.Ordinal);
        Assert.Contains("fra 2020", note, StringComparison.Ordinal);

        using var placed = await SendAsync(client, "/api/orders", body, "da");
        var id = JsonDocument.Parse(await placed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        var notes = order.GetProperty("words").GetProperty("notes");
        Assert.Equal(note, Assert.Single(notes.GetProperty("da").EnumerateArray()).GetString());
        Assert.Contains("New cases in 2019 are too many", Assert.Single(notes.GetProperty("en").EnumerateArray()).GetString(), StringComparison.Ordinal);

        // The warning is true of the data: the first year's new cases per 100,000 are several times the next year's
        // (recomputed from the registers: the release may hide a year's total that the years together would pin).
        using var result = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result"));
        var truth = IndependentProducts.IncidencePrevalence(extract.Rows, CohortSpec.Read(result.RootElement.GetProperty("parameters")))
            .ToDictionary(t => t.Name, t => (double)t.ValueAt(t.Dimensions.Select(_ => "total").ToArray()), StringComparer.Ordinal);
        Assert.True(truth["new-cases-2019"] / truth["population-2019"] > 2 * truth["new-cases-2020"] / truth["population-2020"]);

        var report = WebUtility.HtmlDecode(await client.GetStringAsync($"/api/orders/{id}/result?format=html"));
        Assert.Contains(note, report, StringComparison.Ordinal);
        var definitions = XlsxWorkbook.Read(await client.GetByteArrayAsync($"/api/orders/{id}/result?format=xlsx"))["Definitioner"];
        Assert.Contains(definitions, row => row.Contains(note));
    }

    [Fact]
    public async Task The_form_previews_before_the_contact_is_filled_in_and_says_a_caseworker_reviews_it()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();
        var order = JsonDocument.Parse(DocumentedOrder.Body).RootElement;
        var started = JsonSerializer.Serialize(new { product = "patient-count", parameters = order.GetProperty("parameters"), language = "en" });

        var (status, preview) = await PostAsync(client, "/api/form/orders/preview", started, "da");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("en", preview.GetProperty("language").GetString());
        Assert.True(preview.GetProperty("reviewRequired").GetBoolean());
        Assert.Equal("A caseworker reviews the order before it runs.", preview.GetProperty("review").GetString());

        var badEmail = JsonSerializer.Serialize(new
        {
            product = "patient-count", parameters = order.GetProperty("parameters"), language = "da",
            contact = new { name = "Journalist Jensen", email = "not an address" },
        });
        var (refused, problem) = await PostAsync(client, "/api/form/orders/preview", badEmail, null);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(["contact.email"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("Bestillingen er ikke gyldig", problem.GetProperty("title").GetString());
    }

    private static string IncidenceBody(string from, string to) => Incidence.Replace("{from}", from, StringComparison.Ordinal).Replace("{to}", to, StringComparison.Ordinal);

    private static async Task<int> OrderCountAsync(HttpClient client)
    {
        using var orders = JsonDocument.Parse(await client.GetStringAsync("/api/orders?limit=500"));
        return orders.RootElement.GetArrayLength();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string body, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return await client.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string path, string body, string? acceptLanguage)
    {
        using var response = await SendAsync(client, path, body, acceptLanguage);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }
}
