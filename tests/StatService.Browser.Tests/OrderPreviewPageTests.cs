using System.Text.Json;
using Microsoft.Playwright;
using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

/// <summary>
/// The form shows what the order would be before it is sent (the server's preview, in the page's language: who is
/// counted, the tables' rows and columns, size, review, turnaround, price), and the status page tells the table it will
/// get, copies its own link and opens the form again with the order's definition filled in.
/// </summary>
[Collection(RunningServiceCollection.Name)]
public sealed class OrderPreviewPageTests(RunningService service)
{
    [Fact]
    public async Task The_form_shows_the_definition_size_handling_price_and_first_year_warning_before_sending()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));
        var preview = page.Locator("#preview-body");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Incidens og prævalens" }).CheckAsync();
        var diagnoses = page.GetByRole(AriaRole.Combobox, new() { Name = "Diagnoser, der skal med" });
        await diagnoses.PressSequentiallyAsync("DE11", new() { Delay = 30 });
        await page.Locator("[role=listbox]:visible [role=option][data-code=DE11]").ClickAsync();
        await page.GetByLabel("Fra", new() { Exact = true }).FillAsync("2019-01-01");
        await page.GetByLabel("Til", new() { Exact = true }).FillAsync("2020-12-31");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Køn", Exact = true }).CheckAsync();

        // The panel shows exactly what the server previews for the same specification (nothing about persons).
        var answer = await page.APIRequest.PostAsync(service.Url("/api/form/orders/preview"), new()
        {
            DataObject = new
            {
                product = "incidence-prevalence",
                parameters = new { diagnoses = new { include = new[] { "DE11" }, exclude = Array.Empty<string>() }, period = new { from = "2019-01-01", to = "2020-12-31" }, breakdown = new[] { "sex" } },
                language = "da",
            },
        });
        Assert.Equal(200, answer.Status);
        using var expected = JsonDocument.Parse(await answer.TextAsync());
        var root = expected.RootElement;

        await Expect(preview.Locator("[data-preview=definition]")).ToHaveTextAsync(root.GetProperty("definition").GetString()!);
        await Expect(preview.Locator("[data-preview=cells]")).ToHaveTextAsync($"omkring {root.GetProperty("estimatedCells").GetInt64()} celler");
        await Expect(preview.Locator("[data-preview=review]")).ToHaveTextAsync("En sagsbehandler gennemgår bestillingen, før den køres.");
        await Expect(preview.Locator("[data-preview=price]")).ToHaveTextAsync(root.GetProperty("price").GetString()!);
        await Expect(preview.Locator("[data-preview=note]")).ToContainTextAsync("Nye tilfælde i 2019 er for mange");
        // The tables as they will be delivered (rows x columns), and when the result is normally ready.
        var tables = root.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToArray();
        Assert.Contains("Indbyggere, én tabel for hvert år 2019-2020: 3 rækker (køn) × 1 kolonne", tables);
        await Expect(preview.Locator("[data-preview=tables] li")).ToHaveTextAsync(tables);
        await Expect(preview.Locator("[data-preview=turnaround]")).ToHaveTextAsync(root.GetProperty("turnaround").GetString()!);

        // A period that starts a year later needs no warning.
        await page.GetByLabel("Fra", new() { Exact = true }).FillAsync("2020-01-01");
        await Expect(preview.Locator("[data-preview=definition]")).ToContainTextAsync("2020");
        await Expect(preview.Locator("[data-preview=note]")).ToHaveCountAsync(0);

        // What the server would refuse is said in the panel, before anything is sent.
        await page.GetByLabel("Fra", new() { Exact = true }).FillAsync("2010-01-01");
        await Expect(preview).ToContainTextAsync("Bestillingen er ikke klar endnu");
        await Expect(preview.Locator("[data-preview=price]")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2020-01-01");
        await Expect(preview.Locator("[data-preview=review]")).ToHaveTextAsync("A caseworker reviews the order before it runs.");
        await Expect(preview.Locator("[data-preview=definition]")).ToContainTextAsync("Persons with type 2 diabetes mellitus (DE11)");
        await Screenshots.TakeAsync(page, "order-form-preview");
    }

    [Fact]
    public async Task The_status_page_copies_its_link_and_orders_again_with_the_same_definition()
    {
        await using var chromium = await Chromium.StartAsync();
        await chromium.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = service.BaseAddress.GetLeftPart(UriPartial.Authority) });
        var page = await chromium.Context.NewPageAsync();
        var response = await page.APIRequest.PostAsync(service.Url("/api/form/orders"), new()
        {
            DataObject = new
            {
                product = "patient-count",
                parameters = new
                {
                    diagnoses = new { include = new[] { "DE10" }, exclude = Array.Empty<string>() },
                    period = new { from = "2021-01-01", to = "2022-12-31" },
                    indexDate = "2022-12-31",
                    age = new { min = 30, max = 60 },
                    sex = "female",
                    breakdown = new[] { "region", "ageband" },
                },
                purpose = "Artikel om diabetes.",
                contact = new { name = "Journalist Jensen", email = "jensen@avis.example" },
                requesterKind = "journalist",
                language = "da",
            },
        });
        Assert.Equal(202, response.Status);
        using var accepted = JsonDocument.Parse(await response.TextAsync());
        var statusUrl = service.Url(accepted.RootElement.GetProperty("statusUrl").GetString()!);

        await page.GotoAsync(statusUrl);
        await Expect(page.Locator("#price")).ToContainTextAsync("kr.");
        // While it waits, the page tells the table it will get.
        await Expect(page.Locator("#layout li")).ToHaveTextAsync(["Antal personer: 11 rækker (aldersgruppe) × 6 kolonner (region)"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kopiér linket til siden" }).ClickAsync();
        await Expect(page.Locator("#copied")).ToContainTextAsync("Linket er kopieret");
        Assert.Equal(statusUrl, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Bestil igen med samme definition" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bestil statistik fra sundhedsregistrene");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Patientantal (forsøgsgrundlag)" })).ToBeCheckedAsync();
        await Expect(page.Locator("#pickers li .code", new() { HasTextString = "DE10" })).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Fra", new() { Exact = true })).ToHaveValueAsync("2021-01-01");
        await Expect(page.GetByLabel("Til", new() { Exact = true })).ToHaveValueAsync("2022-12-31");
        await Expect(page.Locator("#age-min")).ToHaveValueAsync("30");
        await Expect(page.Locator("#age-max")).ToHaveValueAsync("60");
        await Expect(page.Locator("#sex-female")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Region", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Aldersgruppe", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Køn", Exact = true })).Not.ToBeCheckedAsync();
        // The contact is the requester's to give again; the preview already describes the order.
        await Expect(page.GetByLabel("Navn", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#preview-body [data-preview=definition]")).ToContainTextAsync("(DE10)");
    }
}
