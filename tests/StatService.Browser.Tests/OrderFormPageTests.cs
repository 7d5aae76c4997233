using Microsoft.Playwright;
using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

[Collection(RunningServiceCollection.Name)]
public sealed class OrderFormPageTests(RunningService service)
{
    [Fact]
    public async Task Form_is_Danish_by_default_and_switches_to_English()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bestil statistik fra sundhedsregistrene");
        await Expect(page.Locator("input[name=product]:checked")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Order statistics from the health registers");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Diagnoses to include" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "order-form-english");

        // The choice is remembered for the next page.
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task Every_field_has_a_label_and_every_group_a_legend()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));
        await Expect(page.Locator("input[name=region]").First).ToBeAttachedAsync();

        var unlabelled = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll("input, select, textarea")]
              .filter(e => e.type !== "hidden" && e.labels.length === 0 && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
              .map(e => e.id || e.name)
            """);
        Assert.Empty(unlabelled);
        var withoutLegend = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('fieldset')].filter(f => !f.querySelector(':scope > legend')?.textContent.trim()).length");
        Assert.Equal(0, withoutLegend);
    }

    [Fact]
    public async Task Server_errors_are_shown_next_to_the_field_they_name()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));

        // Five years of three-way tables for three measures: the client cannot know the server's size estimate.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Incidens og prævalens" }).CheckAsync();
        var diagnoses = page.GetByRole(AriaRole.Combobox, new() { Name = "Diagnoser, der skal med" });
        await diagnoses.PressSequentiallyAsync("DE11", new() { Delay = 30 });
        await Expect(page.Locator("[role=listbox]:visible [role=option][data-code=DE11]")).ToBeVisibleAsync();
        await page.Locator("[role=listbox]:visible [role=option][data-code=DE11]").ClickAsync();
        await page.GetByLabel("Fra", new() { Exact = true }).FillAsync("2019-01-01");
        await page.GetByLabel("Til", new() { Exact = true }).FillAsync("2023-12-31");
        foreach (var breakdown in new[] { "Region", "Køn", "Aldersgruppe" })
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = breakdown, Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Hvad skal tallene bruges til?").FillAsync("Udvikling i forekomst.");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Forsker Friis");
        await page.GetByLabel("E-mail").FillAsync("friis@universitet.example");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Forsker", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send bestilling" }).ClickAsync();

        var message = page.Locator("[data-error-for='parameters.breakdown']");
        await Expect(message).ToContainTextAsync("allows at most");
        await Expect(page.Locator("fieldset[data-field='parameters.breakdown']")).ToHaveClassAsync("has-error");
        await Expect(page.Locator("#error-summary li[data-path='parameters.breakdown']")).ToBeVisibleAsync();
        await Expect(page.Locator("#sent")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Code_search_is_a_keyboard_combobox()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));

        var combobox = page.GetByRole(AriaRole.Combobox, new() { Name = "Lægemidler (valgfrit)" });
        await combobox.PressSequentiallyAsync("metformin", new() { Delay = 30 });
        await Expect(combobox).ToHaveAttributeAsync("aria-expanded", "true");
        var first = page.GetByRole(AriaRole.Option).First;
        var code = await first.GetAttributeAsync("data-code");
        await combobox.PressAsync("ArrowDown");
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(combobox).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        await combobox.PressAsync("Enter");

        await Expect(combobox).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(combobox).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Fjern {code}", Exact = false })).ToBeVisibleAsync();
        StringAssert.StartsWith("A10", code);
    }
}

internal static class StringAssert
{
    public static void StartsWith(string expected, string? actual) =>
        Assert.True(actual?.StartsWith(expected, StringComparison.Ordinal) == true, $"'{actual}' does not start with '{expected}'.");
}
