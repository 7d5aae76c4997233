using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using StatService.TestSupport;
using StatService.TestSupport.Deliverables;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

/// <summary>
/// The whole journey in the browser: a journalist fills the Danish form (with code autocomplete) and
/// submits; a caseworker approves on the review page; the status link shows the order until delivered,
/// with its table and chart; the CSV and XLSX downloads hold exactly the JSON release's cells.
/// </summary>
[Collection(RunningServiceCollection.Name)]
public sealed class OrderFlowTests(RunningService service)
{
    private const string CaseworkerKey = "demo-caseworker";

    [Fact]
    public async Task Order_from_the_form_is_approved_delivered_and_downloaded()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));
        await page.GetByRole(AriaRole.Radio, new() { Name = "Patientantal (forsøgsgrundlag)" }).CheckAsync();
        await Screenshots.TakeAsync(page, "01-order-form");

        // The cohort: type 2 diabetes, chosen with the keyboard from the suggestions.
        var diagnoses = page.GetByRole(AriaRole.Combobox, new() { Name = "Diagnoser, der skal med" });
        await diagnoses.PressSequentiallyAsync("DE11", new() { Delay = 30 });
        var suggestion = page.Locator("[role=listbox]:visible [role=option][data-code=DE11]");
        await Expect(suggestion).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "02-code-autocomplete");
        while (await suggestion.GetAttributeAsync("aria-selected") != "true")
        {
            await diagnoses.PressAsync("ArrowDown");
        }

        await diagnoses.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Fjern DE11", Exact = false })).ToBeVisibleAsync();

        await page.GetByLabel("Fra alder").FillAsync("18");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Region", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Køn", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Aldersgruppe", Exact = true }).CheckAsync();
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Journalist Jensen");
        await page.GetByLabel("E-mail").FillAsync("jensen@avis.example");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Journalist", Exact = true }).CheckAsync();

        // Client-side validation names the missing purpose next to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send bestilling" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-error-for=purpose]")).ToHaveTextAsync("Skal udfyldes.");
        await Expect(page.GetByLabel("Hvad skal tallene bruges til?")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.TakeAsync(page, "03-order-form-validation");

        await page.GetByLabel("Hvad skal tallene bruges til?").FillAsync("Artikel om type 2-diabetes i regionerne.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send bestilling" }).ClickAsync();
        var statusLink = page.Locator("#status-link");
        await Expect(statusLink).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "04-order-sent");
        var statusPath = (await statusLink.GetAttributeAsync("href"))!;
        Assert.Matches("^/status/[A-Za-z0-9_-]{43}$", statusPath);

        // The requester's status page: awaiting review.
        await page.GotoAsync(service.Url(statusPath));
        await Expect(page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "in_review");
        await Screenshots.TakeAsync(page, "05-status-in-review");

        // The caseworker approves with a price quote.
        var review = await chromium.OpenAsync(service.Url("/review"));
        await review.GetByLabel("API-nøgle (sagsbehandler)").FillAsync(CaseworkerKey);
        await review.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        var card = review.Locator("article.order-card").Filter(new() { HasText = "Artikel om type 2-diabetes i regionerne." });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("DE11");
        await Expect(card).ToContainTextAsync("celler");
        await Screenshots.TakeAsync(review, "06-review-queue");
        await card.GetByLabel("Pris (kr.)").FillAsync("1500");
        await card.GetByRole(AriaRole.Button, new() { Name = "Godkend" }).ClickAsync();
        await Expect(review.Locator("#message")).ToContainTextAsync("godkendt");

        // Back on the status page, which polls until the result is there.
        await Expect(page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "delivered", new() { Timeout = 90_000 });
        await Expect(page.Locator("table.result").First).ToBeVisibleAsync();
        await Expect(page.Locator("figure.chart svg rect").First).ToBeVisibleAsync();
        await Expect(page.Locator("#history li")).ToHaveCountAsync(await page.Locator("#history li").CountAsync());
        Assert.True(await page.Locator("#history li").CountAsync() >= 3, "history shows submission, approval and delivery");
        await Screenshots.TakeAsync(page, "07-status-delivered");

        var json = await (await page.APIRequest.GetAsync(service.Url($"/api/status/{statusPath["/status/".Length..]}/result"))).TextAsync();
        var release = JsonRelease.Read(json);
        // Small cells of region x sex x age band are suppressed: the page must mark them, never show a number.
        Assert.Contains(release.Tables.SelectMany(t => t.Cells), c => c.Status == "published");
        Assert.Contains(release.Tables.SelectMany(t => t.Cells), c => c.Status == "suppressed");
        await Expect(page.Locator("td.suppressed").First).ToHaveTextAsync("skjult");
        await Expect(page.Locator("#polling")).ToBeHiddenAsync();
        await Expect(page.Locator("#cancel")).ToBeHiddenAsync();
        await AssertPageShows(page, release);

        // One language, in words: the definition, Danish numbers, no English words and no ids.
        await Expect(page.Locator("#definition")).ToContainTextAsync("Personer med type 2-diabetes (DE11) i ");
        await Expect(page.Locator("#definition")).ToContainTextAsync("18 år eller ældre den ");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Matches(@"\(\d+,\d %\)", text);
        PageWords.AssertNone(text, PageWords.English, "English on the Danish status page");
        PageWords.AssertNone(text, PageWords.Ids, "ids on the status page");

        var csv = await DownloadAsync(page, "#download-csv");
        AssertCsvMatches(Encoding.UTF8.GetString(csv), release);
        var xlsx = await DownloadAsync(page, "#download-xlsx");
        AssertXlsxMatches(xlsx, release);

        var report = await chromium.Context.RunAndWaitForPageAsync(() => page.Locator("#download-html").ClickAsync());
        await report.WaitForLoadStateAsync();
        await Expect(report.Locator("table.result").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(report, "08-printable-report");

        // Switched to English, the page fetches the result again in its language: the same codes, English names.
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("#result-body table").First).ToContainTextAsync("North Denmark Region");
        await Expect(page.Locator("#result-body table").First).ToContainTextAsync("Women");
        PageWords.AssertNone(await page.Locator("#result-body").InnerTextAsync(), PageWords.Danish, "Danish on the result of a page switched to English");
        Assert.EndsWith("lang=en", await page.Locator("#download-csv").GetAttributeAsync("href") ?? string.Empty, StringComparison.Ordinal);

        // The caseworker sees the delivered order's disclosure summary.
        await review.GetByRole(AriaRole.Button, new() { Name = "Opdater" }).ClickAsync();
        await Expect(review.Locator("#delivered-table tbody tr").First).ToBeVisibleAsync();
        // ... and who asked for it.
        await Expect(review.Locator("#delivered-table tbody tr").Filter(new() { HasText = "Journalist: Journalist Jensen" })).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(review, "09-review-delivered");
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>Every cell on the page, by its coordinates, shows the JSON's value or is marked suppressed.</summary>
    private static async Task AssertPageShows(IPage page, JsonRelease release)
    {
        var shown = await page.Locator("table.result td[data-cell]").EvaluateAllAsync<string[][]>(
            "cells => cells.map(c => [c.closest('table').dataset.table, c.dataset.cell, c.dataset.status, c.dataset.value ?? '', c.textContent])");
        Assert.Equal(release.Tables.Sum(t => t.Cells.Count), shown.Length);
        var byKey = shown.ToDictionary(s => (s[0], s[1]));
        foreach (var table in release.Tables)
        {
            foreach (var cell in table.Cells)
            {
                var on = byKey[(table.Name, table.Key(cell))];
                Assert.Equal(cell.Status, on[2]);
                Assert.Equal(cell.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, on[3]);
                if (cell.Value is null)
                {
                    Assert.Equal("skjult", on[4]);
                }
            }
        }
    }

    /// <summary>A Danish order's CSV: semicolons, Danish column names and status words, every cell of the JSON.</summary>
    private static void AssertCsvMatches(string csv, JsonRelease release)
    {
        var rows = CsvText.Parse(csv, ';');
        var header = rows[0];
        Assert.Equal(["tabel", "region", "region_tekst", "køn", "køn_tekst", "aldersgruppe", "aldersgruppe_tekst", "værdi", "status"], header);
        Assert.Equal(release.Tables.Sum(t => t.Cells.Count), rows.Count - 1);
        var byKey = rows.Skip(1).ToDictionary(r => (r[0], $"region={r[1]};sex={r[3]};ageband={r[5]}"));
        foreach (var table in release.Tables)
        {
            foreach (var cell in table.Cells)
            {
                var row = byKey[(table.Name, table.Key(cell))];
                Assert.Equal(cell.Status == "published" ? "offentliggjort" : "skjult", row[8]);
                Assert.Equal(cell.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row[7]);
            }
        }
    }

    /// <summary>A Danish order's workbook: one crosstab sheet per table, every cell of the JSON in it, hidden cells marked.</summary>
    private static void AssertXlsxMatches(byte[] xlsx, JsonRelease release)
    {
        var sheets = XlsxWorkbook.Read(xlsx);
        Assert.Equal("Definitioner", sheets.Keys.Last());
        for (var t = 0; t < release.Tables.Count; t++)
        {
            var table = release.Tables[t];
            var crossTab = XlsxCrossTabRead.From(table, sheets.Values.ElementAt(t));
            Assert.Equal(table.Cells.Count, crossTab.Cells.Count);
            foreach (var cell in table.Cells)
            {
                Assert.Equal(cell.Value?.ToString(CultureInfo.InvariantCulture) ?? "skjult", crossTab.Cells[table.Key(cell)].Text);
            }
        }
    }
}
