using System.Net;
using System.Text;
using System.Text.Json;
using StatService.Api.Tests.Deliverables;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>An order placed in Danish is delivered in Danish: the order view, the CSV and the workbook; choices change the CSV.</summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class OrderLanguageDeliverablesTests(GeneratedExtract extract)
{
    [Fact]
    public async Task A_danish_order_is_delivered_in_danish_and_its_csv_can_be_had_as_english_with_commas()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-company");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(DocumentedOrder.Body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept-Language", "da");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        var words = order.GetProperty("words");
        Assert.Equal("da", words.GetProperty("language").GetString());
        Assert.Equal("Patientantal (forsøgsgrundlag)", words.GetProperty("product").GetProperty("da").GetString());
        Assert.Equal(
            "Personer med type 2-diabetes (DE11) i 2021-2023, 18 år eller ældre den 31. december 2023, hele landet, fordelt på region, køn, aldersgruppe",
            words.GetProperty("definition").GetProperty("da").GetString());
        Assert.StartsWith("Persons with type 2 diabetes mellitus (DE11) in 2021-2023, aged 18 or over on 31 December 2023, the whole country", words.GetProperty("definition").GetProperty("en").GetString(), StringComparison.Ordinal);

        var json = JsonRelease.Read(await client.GetStringAsync($"/api/orders/{id}/result"));
        var cells = json.Tables.Sum(t => t.Cells.Count);

        var danish = CsvText.Parse(await client.GetStringAsync($"/api/orders/{id}/result?format=csv"), ';');
        Assert.Equal(["tabel", "region", "region_tekst", "køn", "køn_tekst", "aldersgruppe", "aldersgruppe_tekst", "værdi", "status"], danish[0]);
        Assert.Equal(cells, danish.Count - 1);
        Assert.Contains(danish, r => r[^1] == "skjult" && r[^2].Length == 0);

        var english = CsvText.Parse(await client.GetStringAsync($"/api/orders/{id}/result?format=csv&locale=en&sep=comma"), ',');
        Assert.Equal(["table", "region", "region_label", "sex", "sex_label", "ageband", "ageband_label", "value", "status"], english[0]);
        Assert.Equal(cells, english.Count - 1);

        using var unknown = await client.GetAsync($"/api/orders/{id}/result?format=csv&sep=pipe");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var workbook = await client.GetByteArrayAsync($"/api/orders/{id}/result?format=xlsx");
        var sheets = XlsxWorkbook.Read(workbook);
        Assert.Equal(["Antal personer", "Definitioner"], sheets.Keys);
        var crossTab = XlsxCrossTabRead.From(json.Tables[0], sheets["Antal personer"]);
        Assert.Equal(cells, crossTab.Cells.Count);
        Assert.Contains(sheets["Definitioner"], r => r.Length == 2 && r[0] == "Definition" && r[1].StartsWith("Personer med type 2-diabetes (DE11)", StringComparison.Ordinal));
        Assert.Equal(workbook, await client.GetByteArrayAsync($"/api/orders/{id}/result?format=xlsx"));

        var report = WebUtility.HtmlDecode(await client.GetStringAsync($"/api/orders/{id}/result?format=html"));
        Assert.Contains("<html lang=\"da\">", report, StringComparison.Ordinal);
        Assert.Contains("Statistikresultat: Patientantal (forsøgsgrundlag)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("patient-count", report, StringComparison.Ordinal);
        Assert.DoesNotContain("diagnoses.include", report, StringComparison.Ordinal);
    }
}
