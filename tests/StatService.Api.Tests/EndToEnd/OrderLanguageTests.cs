using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// A refused order is explained in the language the requester reads: Accept-Language for API clients, the form's choice
/// for the form. The refusals share one application; the accepted orders, which run in the background, start their own.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class OrderLanguageTests(GeneratedExtract extract, SharedApplication shared) : IClassFixture<SharedApplication>
{
    [Theory]
    [MemberData(nameof(BadInputTests.BadOrders), MemberType = typeof(BadInputTests))]
    public async Task Every_refusal_is_translated_when_danish_is_asked_for(string body, string field, string reason)
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient("demo-journalist");
        var english = await RefuseAsync(client, body, "en");
        var danish = await RefuseAsync(client, body, "da-DK,da;q=0.9,en;q=0.5");

        Assert.Contains(english.Errors[field], m => m.Contains(reason, StringComparison.Ordinal));
        Assert.Equal("The order is not valid", english.Title);
        Assert.Equal("Bestillingen er ikke gyldig", danish.Title);
        Assert.NotEqual(english.Detail, danish.Detail);
        Assert.Equal(english.Errors.Keys, danish.Errors.Keys);
        foreach (var (name, messages) in english.Errors)
        {
            for (var i = 0; i < messages.Length; i++)
            {
                Assert.True(messages[i] != danish.Errors[name][i], $"Not translated for {name}: {messages[i]}");
            }
        }
    }

    [Fact]
    public async Task Without_accept_language_the_api_answers_in_english()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient("demo-journalist");
        var problem = await RefuseAsync(client, DocumentedOrder.With("sex", "\"x\""), null);
        Assert.Equal(["Must be \"male\", \"female\" or null (both)."], problem.Errors["parameters.sex"]);
    }

    [Theory]
    [InlineData("da", "parameters.sex", "Skal være \"male\" (mænd), \"female\" (kvinder) eller null (begge).")]
    [InlineData("en", "parameters.sex", "Must be \"male\", \"female\" or null (both).")]
    public async Task A_form_order_is_refused_in_the_form_s_language(string language, string field, string message)
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();
        var order = JsonDocument.Parse(DocumentedOrder.With("sex", "\"x\"")).RootElement;
        var body = JsonSerializer.Serialize(new
        {
            product = order.GetProperty("product").GetString(),
            parameters = order.GetProperty("parameters"),
            purpose = "Artikel",
            contact = new { name = "Journalist Jensen", email = "jensen@avis.example" },
            requesterKind = "journalist",
            language,
        });

        // The browser asks for the other language: the form's choice wins.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/form/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language == "da" ? "en" : "da"));
        using var response = await client.SendAsync(request);

        var problem = await ProblemAsync(response);
        Assert.Equal([message], problem.Errors[field]);
    }

    [Theory]
    [InlineData("DE10-DE14")]
    [InlineData("de10-de14")]
    [InlineData("chIV")]
    public async Task A_block_or_chapter_is_accepted_as_the_range_it_names(string code)
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-journalist");
        var body = DocumentedOrder.With("diagnoses", $$"""{"include": ["{{code}}"], "exclude": []}""");

        using var response = await client.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_code_is_the_only_error_not_also_a_missing_criterion()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient("demo-journalist");
        var problem = await RefuseAsync(client, DocumentedOrder.With("diagnoses", """{"include": ["DE1Z"], "exclude": []}"""), "da");

        Assert.Equal(["parameters.diagnoses.include[0]"], problem.Errors.Keys);
        Assert.StartsWith("Ukendt ICD-10-diagnose (SKS)-kode 'DE1Z'. Nærmeste gyldige koder: DE1", problem.Errors["parameters.diagnoses.include[0]"][0], StringComparison.Ordinal);
    }

    private static async Task<Problem> RefuseAsync(HttpClient client, string body, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        return await ProblemAsync(response);
    }

    private static async Task<Problem> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = problem.RootElement;
        return new Problem(
            root.GetProperty("title").GetString()!,
            root.GetProperty("detail").GetString()!,
            root.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray()));
    }

    private sealed record Problem(string Title, string Detail, Dictionary<string, string[]> Errors);
}
