using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        await Expect(page.Locator("input[name=region]").First).ToBeAttachedAsync();
        // "total" and "persons" are Danish too ("total hoftealloplastik", "hver persons total").
        PageWords.AssertNone(await page.Locator("main").InnerTextAsync(), PageWords.English.Except(["total", "persons"]), "English on the Danish form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Order statistics from the health registers");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Diagnoses to include" })).ToBeVisibleAsync();
        // Product texts and region names switch too, without a reload.
        await Expect(page.GetByText("North Denmark Region")).ToBeVisibleAsync();
        PageWords.AssertNone(await page.Locator("main").InnerTextAsync(), PageWords.Danish, "Danish on the English form");
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
        // In the form's language (Danish), from the server.
        await Expect(message).ToContainTextAsync("tillader højst");
        await Expect(page.Locator("fieldset[data-field='parameters.breakdown']")).ToHaveClassAsync("has-error");
        await Expect(page.Locator("#error-summary li[data-path='parameters.breakdown']")).ToBeVisibleAsync();
        // A group of checkboxes is named by its question, not by its first option.
        await Expect(page.Locator("#error-summary li[data-path='parameters.breakdown']")).ToContainTextAsync("Fordel tallene efter: ");
        await Expect(page.Locator("#sent")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_error_summary_names_a_question_not_its_first_option()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send bestilling" }).ClickAsync();

        var kind = page.Locator("#error-summary li[data-path='requesterKind']");
        await Expect(kind).ToHaveTextAsync("Hvem bestiller?: Skal udfyldes.");
        await Expect(page.Locator("#error-summary")).Not.ToContainTextAsync("Virksomhed:");
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
        // The list is first filled for the letters typed so far ("m"); read the option once the whole word's answer is shown.
        await Expect(first).ToContainTextAsync("metformin", new() { IgnoreCase = true });
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

/// <summary>The cohort criteria beyond diagnoses: a procedure, an excluded medicine, first-ever occurrence and the residence condition.</summary>
[Collection(RunningServiceCollection.Name)]
public sealed class CohortCriteriaFormTests(RunningService service)
{
    private const string CaseworkerKey = "demo-caseworker";

    [Fact]
    public async Task Procedure_excluded_medicine_occurrence_and_residence_chosen_by_keyboard_reach_the_stored_order()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));
        var procedures = page.GetByRole(AriaRole.Combobox, new() { Name = "Procedurer (valgfrit)" });
        var prevalent = page.GetByRole(AriaRole.Radio, new() { Name = "Alle med diagnosen i perioden (prævalente)" });
        var incident = page.GetByRole(AriaRole.Radio, new() { Name = "Kun første diagnose nogensinde i perioden (incidente)" });
        var alive = page.GetByRole(AriaRole.Checkbox, new() { Name = "Kun personer i live og bosat i Danmark på opgørelsesdatoen" });

        // Incidence-prevalence fixes the occurrence and has no index date: those fields are not offered.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Incidens og prævalens" }).CheckAsync();
        await Expect(procedures).ToBeVisibleAsync();
        await Expect(incident).ToBeHiddenAsync();
        await Expect(alive).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Patientantal (forsøgsgrundlag)" }).CheckAsync();
        await Expect(incident).ToBeVisibleAsync();
        // The server's defaults: any occurrence, alive and resident.
        await Expect(prevalent).ToBeCheckedAsync();
        await Expect(alive).ToBeCheckedAsync();

        // A procedure found by its Danish words, chosen with the arrow keys and Enter.
        await ChooseByKeyboardAsync(page, procedures, "hoftealloplastik", "KNFB20");
        await Expect(procedures).ToBeFocusedAsync();

        // Insulin users left out: an ATC group in the medicines that exclude.
        var excludedMedicines = page.GetByRole(AriaRole.Combobox, new() { Name = "Lægemidler, der udelukker (valgfrit)" });
        await ChooseByKeyboardAsync(page, excludedMedicines, "A10A", "A10A");

        // The occurrence by arrow key in its radio group, the residence condition untoggled with Space; focus shows.
        await prevalent.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(incident).ToBeCheckedAsync();
        await Expect(incident).ToBeFocusedAsync();
        await page.GetByLabel("Fra alder").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(alive).ToBeFocusedAsync();
        Assert.Equal("solid", await alive.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.PressAsync("Space");
        await Expect(alive).Not.ToBeCheckedAsync();

        var purpose = $"Hoftealloplastik, nye tilfælde {Guid.NewGuid():N}";
        await page.GetByLabel("Hvad skal tallene bruges til?").FillAsync(purpose);
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Forsker Friis");
        await page.GetByLabel("E-mail").FillAsync("friis@universitet.example");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Forsker", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send bestilling" }).ClickAsync();
        await Expect(page.Locator("#status-link")).ToBeVisibleAsync();

        // The stored order, as the caseworker reads it.
        var answer = await page.APIRequest.GetAsync(service.Url("/api/review/orders"), new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {CaseworkerKey}" },
        });
        Assert.Equal(200, answer.Status);
        using var pending = JsonDocument.Parse(await answer.TextAsync());
        var order = Assert.Single(pending.RootElement.EnumerateArray(), o => o.GetProperty("purpose").GetString() == purpose);
        var parameters = order.GetProperty("parameters");
        Assert.Equal(new[] { "KNFB20" }, parameters.GetProperty("procedures").GetProperty("include").EnumerateArray().Select(c => c.GetString()!));
        Assert.Empty(parameters.GetProperty("procedures").GetProperty("exclude").EnumerateArray());
        Assert.Equal(new[] { "A10A" }, parameters.GetProperty("medications").GetProperty("exclude").EnumerateArray().Select(c => c.GetString()!));
        Assert.Empty(parameters.GetProperty("medications").GetProperty("include").EnumerateArray());
        Assert.Equal("first-ever", parameters.GetProperty("occurrence").GetString());
        Assert.False(parameters.GetProperty("aliveAndResident").GetBoolean());
        Assert.Empty(parameters.GetProperty("diagnoses").GetProperty("include").EnumerateArray());
    }

    [Fact]
    public async Task Server_errors_on_procedures_occurrence_and_residence_are_shown_at_those_fields()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));
        // What a stale page or a changed code list could send: the real server's answer must land at each field.
        await page.RouteAsync("**/api/form/orders", async route =>
        {
            var order = JsonNode.Parse(route.Request.PostData!)!;
            order["parameters"]!["procedures"] = new JsonObject { ["include"] = new JsonArray("KQQQ9") };
            order["parameters"]!["occurrence"] = "sometimes";
            order["parameters"]!["aliveAndResident"] = "yes";
            await route.ContinueAsync(new() { PostData = Encoding.UTF8.GetBytes(order.ToJsonString()) });
        });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Patientantal (forsøgsgrundlag)" }).CheckAsync();
        await page.GetByLabel("Hvad skal tallene bruges til?").FillAsync("Fejl ved felterne.");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Forsker Friis");
        await page.GetByLabel("E-mail").FillAsync("friis@universitet.example");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Forsker", Exact = true }).CheckAsync();
        // The page's own check wants an inclusion criterion; the route then replaces it with an unknown one.
        var procedures = page.GetByRole(AriaRole.Combobox, new() { Name = "Procedurer (valgfrit)" });
        await procedures.PressSequentiallyAsync("KNFB20", new() { Delay = 30 });
        await Expect(page.Locator("[role=listbox]:visible [role=option][data-code=KNFB20]")).ToBeVisibleAsync();
        await procedures.PressAsync("ArrowDown");
        await procedures.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send bestilling" }).ClickAsync();

        await Expect(page.Locator("[data-error-for='parameters.procedures.include']")).ToContainTextAsync("KQQQ9");
        await Expect(procedures).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("[data-error-for='parameters.occurrence']")).ToContainTextAsync("nye tilfælde");
        await Expect(page.Locator("fieldset[data-field='parameters.occurrence']")).ToHaveClassAsync("has-error");
        await Expect(page.Locator("[data-error-for='parameters.aliveAndResident']")).ToContainTextAsync("true eller false");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Kun personer i live og bosat i Danmark på opgørelsesdatoen" })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#sent")).ToBeHiddenAsync();
    }

    /// <summary>Types into a code combobox, moves to the suggestion with the arrow keys, takes it with Enter, and sees its chip.</summary>
    private static async Task ChooseByKeyboardAsync(IPage page, ILocator combobox, string typed, string code)
    {
        await combobox.PressSequentiallyAsync(typed, new() { Delay = 30 });
        var suggestion = page.Locator($"[role=listbox]:visible [role=option][data-code={code}]");
        await Expect(suggestion).ToBeVisibleAsync();
        while (await suggestion.GetAttributeAsync("aria-selected") != "true")
        {
            await combobox.PressAsync("ArrowDown");
        }

        await combobox.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Fjern {code}", Exact = false })).ToBeVisibleAsync();
    }
}

internal static class StringAssert
{
    public static void StartsWith(string expected, string? actual) =>
        Assert.True(actual?.StartsWith(expected, StringComparison.Ordinal) == true, $"'{actual}' does not start with '{expected}'.");
}
