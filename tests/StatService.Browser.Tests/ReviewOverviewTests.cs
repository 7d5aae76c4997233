using System.Text.Json;
using Microsoft.Playwright;
using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

/// <summary>
/// The caseworker's one screen: every order with a short id that tells it apart, filters (status, product, requester
/// kind, date), a list that keeps itself current, and each order in review in words with the table it will get.
/// </summary>
[Collection(RunningServiceCollection.Name)]
public sealed class ReviewOverviewTests(RunningService service)
{
    [Fact]
    public async Task Orders_of_one_minute_have_distinct_ids_and_the_list_filters_and_refreshes_itself()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.Context.NewPageAsync();
        var run = Guid.NewGuid().ToString("N")[..6];
        var first = await SubmitAsync(page, $"Oversigt {run} A", "journalist");
        var second = await SubmitAsync(page, $"Oversigt {run} B", "company");
        await RejectAsync(page, second, "Ikke muligt.");

        await page.GotoAsync(service.Url("/review"));
        await page.GetByLabel("API-nøgle (sagsbehandler)").FillAsync("demo-caseworker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        // Both orders are listed, each by the last digits of its id (the first ones are the time: the same minute).
        var firstRow = page.Locator($"#all-table tr[data-order='{first}']");
        var secondRow = page.Locator($"#all-table tr[data-order='{second}']");
        await Expect(firstRow.Locator("th")).ToHaveTextAsync(first.ToString("N")[^8..]);
        await Expect(secondRow.Locator("th")).ToHaveTextAsync(second.ToString("N")[^8..]);
        Assert.NotEqual(first.ToString("N")[^8..], second.ToString("N")[^8..]);

        // The rejected order is there with its reason; the status filter narrows the list to it.
        await Expect(secondRow).ToContainTextAsync("Afvist");
        await Expect(secondRow).ToContainTextAsync("Ikke muligt.");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Afvist" });
        await Expect(firstRow).ToHaveCountAsync(0);
        await Expect(secondRow).ToBeVisibleAsync();

        // The requester-kind and product filters.
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Alle" });
        await page.GetByLabel("Bestiller", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Journalist" });
        await Expect(firstRow).ToBeVisibleAsync();
        await Expect(secondRow).ToHaveCountAsync(0);
        await Expect(firstRow).ToContainTextAsync("Patientantal");
        await page.GetByLabel("Produkt", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Profil af en patientgruppe" });
        await Expect(firstRow).ToHaveCountAsync(0);
        await page.GetByLabel("Produkt", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Alle" });

        // The date filter: nothing was received from tomorrow on; today's orders are.
        // Days are the browser's own (its time zone is Copenhagen's), not this process's.
        var from = page.GetByLabel("Modtaget fra og med");
        var today = await page.EvaluateAsync<string>("() => new Date().toLocaleDateString('sv-SE')");
        var tomorrow = await page.EvaluateAsync<string>("() => { const d = new Date(); d.setDate(d.getDate() + 1); return d.toLocaleDateString('sv-SE'); }");
        await from.FillAsync(tomorrow);
        await Expect(firstRow).ToHaveCountAsync(0);
        await from.FillAsync(today);
        await Expect(firstRow).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "10-review-overview");

        // An order placed now appears in the queue without anyone pressing refresh.
        var third = await SubmitAsync(page, $"Oversigt {run} C", "patient_association");
        await Expect(page.Locator($"article.order-card[data-order='{third}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator($"article.order-card[data-order='{third}'] .definition")).ToContainTextAsync("Personer med type 1-diabetes (DE10) i 2022");
        // The table the caseworker approves, laid out before anything is counted.
        await Expect(page.Locator($"article.order-card[data-order='{third}'] ul.layout li")).ToHaveTextAsync(["Antal personer: 3 rækker (køn) × 1 kolonne"]);
        PageWords.AssertNone(await page.Locator("main").InnerTextAsync(), PageWords.Ids, "ids on the caseworker's page");
    }

    private async Task<Guid> SubmitAsync(IPage page, string purpose, string kind)
    {
        var response = await page.APIRequest.PostAsync(service.Url("/api/form/orders"), new()
        {
            DataObject = new
            {
                product = "patient-count",
                parameters = new { diagnoses = new { include = new[] { "DE10" } }, period = new { from = "2022-01-01", to = "2022-12-31" }, breakdown = new[] { "sex" } },
                purpose,
                contact = new { name = "Kontakt", email = "kontakt@eksempel.example" },
                requesterKind = kind,
                language = "da",
            },
        });
        Assert.Equal(202, response.Status);
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private async Task RejectAsync(IPage page, Guid id, string reason)
    {
        var response = await page.APIRequest.PostAsync(service.Url($"/api/review/orders/{id}/reject"), new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer demo-caseworker" },
            DataObject = new { reason },
        });
        Assert.Equal(200, response.Status);
    }
}
