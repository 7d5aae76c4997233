using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using StatService.TestSupport.Deliverables;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// An order is delivered in its language: a Danish one in Danish (the order view, the CSV and the workbook; choices
/// change the CSV), an English one in English down to the names of the codes.
/// </summary>
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

        // No English word in the Danish report's text or the workbook's words (codes such as "female" aside).
        var reportText = Regex.Replace(Regex.Replace(report, "<(style|script)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " ");
        AssertNoEnglishWords(reportText, "the Danish report");
        var sheetWords = sheets["Definitioner"].SelectMany(r => r).Concat(sheets["Antal personer"][0]);
        AssertNoEnglishWords(string.Join(" | ", sheetWords), "the Danish workbook");
        Assert.DoesNotContain(sheets["Definitioner"], r => r.Any(c => c.Contains("diagnoses.", StringComparison.Ordinal) || c == "patient-count"));
    }

    private static void AssertNoEnglishWords(string text, string where)
    {
        // "total" is Danish too.
        string[] english = ["the", "and", "of", "order", "orders", "table", "persons", "hidden", "suppressed", "received", "delivered", "by", "download", "definitions", "rule"];
        var found = english.Where(w => Regex.IsMatch(text, $@"(?<![\p{{L}}\-.]){Regex.Escape(w)}(?![\p{{L}}\-])", RegexOptions.IgnoreCase)).ToArray();
        Assert.True(found.Length == 0, $"{where} has English words: {string.Join(", ", found)}");
    }

    [Fact]
    public async Task An_english_order_names_its_codes_in_english_in_every_format()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-company");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new StringContent(DocumentedOrder.Body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept-Language", "en");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");

        // The JSON: the same codes, values and statuses, with English names.
        var json = JsonRelease.Read(await client.GetStringAsync($"/api/orders/{id}/result"));
        var table = json.Tables[0];
        Assert.Equal("North Denmark Region", table.Label("region", "1081"));
        Assert.Equal("Women", table.Label("sex", "female"));
        Assert.Equal("Total", table.Label("sex", "total"));
        Assert.Equal("0-9 years", table.Label("ageband", "0-9"));

        var english = CsvText.Parse(await client.GetStringAsync($"/api/orders/{id}/result?format=csv"), ',');
        Assert.Equal(table.Cells.Count, english.Count - 1);
        Assert.Contains(english, r => r[3] == "female" && r[4] == "Women" && r[1] == "1081" && r[2] == "North Denmark Region");
        AssertNoDanishNames(string.Join("\n", english.Select(r => string.Join(",", r))), "the English CSV");

        // Asked for in Danish, the CSV names the codes in Danish.
        var danish = CsvText.Parse(await client.GetStringAsync($"/api/orders/{id}/result?format=csv&locale=da"), ';');
        Assert.Contains(danish, r => r[3] == "female" && r[4] == "Kvinder");

        var sheets = XlsxWorkbook.Read(await client.GetByteArrayAsync($"/api/orders/{id}/result?format=xlsx"));
        AssertNoDanishNames(string.Join("\n", sheets.Values.SelectMany(rows => rows).Select(r => string.Join("|", r))), "the English workbook");
        var crossTab = XlsxCrossTabRead.From(table, sheets.Values.First());
        Assert.Equal(table.Cells.Count, crossTab.Cells.Count);

        var report = WebUtility.HtmlDecode(await client.GetStringAsync($"/api/orders/{id}/result?format=html"));
        Assert.Contains("North Denmark Region", report, StringComparison.Ordinal);
        AssertNoDanishNames(report, "the English report");

        // A reader may ask for the other language (a status page switched to Danish): the same cells, Danish names.
        var inDanish = JsonRelease.Read(await client.GetStringAsync($"/api/orders/{id}/result?lang=da"));
        Assert.Equal("Region Nordjylland", inDanish.Tables[0].Label("region", "1081"));
        Assert.Equal("Kvinder", inDanish.Tables[0].Label("sex", "female"));
        Assert.Equal(table.Cells.Select(c => (c.Value, c.Status)), inDanish.Tables[0].Cells.Select(c => (c.Value, c.Status)));
        var danishReport = WebUtility.HtmlDecode(await client.GetStringAsync($"/api/orders/{id}/result?format=html&lang=da"));
        Assert.Contains("Region Nordjylland", danishReport, StringComparison.Ordinal);

        using var unknown = await client.GetAsync($"/api/orders/{id}/result?lang=fr");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("lang", out _));
    }

    private static void AssertNoDanishNames(string text, string where)
    {
        foreach (var name in new[] { "I alt", "Kvinder", "Mænd", " år", "Region Nordjylland", "Region Hovedstaden" })
        {
            Assert.False(text.Contains(name, StringComparison.Ordinal), $"{where} shows the Danish name '{name}'");
        }
    }
}
