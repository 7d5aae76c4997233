using Microsoft.Playwright;
using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

/// <summary>
/// An order in English, by keyboard, with a block chosen from the search: its status page is English, says who is
/// counted in words and, once delivered, names the codes of its table and charts in English.
/// </summary>
[Collection(RunningServiceCollection.Name)]
public sealed class OrderLanguageTests(RunningService service)
{
    [Fact]
    public async Task An_english_order_of_a_block_opens_an_english_status_page_with_the_definition_in_words()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // The product texts switch with the page, without a reload.
        await Expect(page.GetByText("Patient count", new() { Exact = false }).First).ToBeVisibleAsync();

        // "diabetes" offers the categories first, and the block too: choose the block by keyboard.
        var diagnoses = page.GetByRole(AriaRole.Combobox, new() { Name = "Diagnoses to include" });
        await diagnoses.PressSequentiallyAsync("diabetes", new() { Delay = 30 });
        var options = page.Locator("[role=listbox]:visible [role=option]");
        await Expect(options.First).ToBeVisibleAsync();
        Assert.NotEqual("DE10-DE14", await options.First.GetAttributeAsync("data-code"));
        var block = page.Locator("[role=listbox]:visible [role=option][data-code='DE10-DE14']");
        await Expect(block).ToBeVisibleAsync();
        while (await block.GetAttributeAsync("aria-selected") != "true")
        {
            await diagnoses.PressAsync("ArrowDown");
        }

        await diagnoses.PressAsync("Enter");
        await Expect(page.Locator(".chips li").Filter(new() { HasText = "DE10-DE14" })).ToContainTextAsync("Diabetes mellitus");

        await page.GetByLabel("From age").FillAsync("18");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Region", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Sex", Exact = true }).CheckAsync();
        await page.GetByLabel("What will the numbers be used for?").FillAsync("An article on diabetes by region.");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Reporter Roe");
        await page.GetByLabel("E-mail").FillAsync("roe@paper.example");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Journalist", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send order" }).ClickAsync();
        var statusLink = page.Locator("#status-link");
        await Expect(statusLink).ToBeVisibleAsync();
        var statusPath = (await statusLink.GetAttributeAsync("href"))!;

        // A fresh visitor (Danish by default) opens the English order's link: the page is English.
        await using var other = await Chromium.StartAsync();
        var status = await other.OpenAsync(service.Url(statusPath));
        await Expect(status.Locator("#order-status")).ToHaveAttributeAsync("data-status", "in_review");
        await Expect(status.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(status.Locator("h1")).ToHaveTextAsync("Your order");
        await Expect(status.Locator("#definition")).ToContainTextAsync("Persons with diabetes mellitus (DE10-DE14) in ");
        await Expect(status.Locator("#definition")).ToContainTextAsync("aged 18 or over on ");
        await Screenshots.TakeAsync(status, "11-status-english");
        var text = await status.Locator("main").InnerTextAsync();
        PageWords.AssertNone(text, PageWords.Danish, "Danish on the English status page");
        PageWords.AssertNone(text, PageWords.IdsInEnglish, "ids on the status page");

        // Approved and delivered: the table and its charts name regions and sexes in English.
        var approve = await status.APIRequest.PostAsync(service.Url($"/api/review/orders/{await OrderIdAsync(status, statusPath)}/approve"), new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer demo-caseworker" },
            DataObject = new { },
        });
        Assert.Equal(200, approve.Status);
        await Expect(status.Locator("#order-status")).ToHaveAttributeAsync("data-status", "delivered", new() { Timeout = 90_000 });
        await Expect(status.Locator("table.result").First).ToContainTextAsync("North Denmark Region");
        await Expect(status.Locator("table.result").First).ToContainTextAsync("Women");
        await Expect(status.Locator("figure.chart").Filter(new() { HasText = "sex" }).First).ToContainTextAsync("Women");
        await Screenshots.TakeAsync(status, "13-status-english-delivered");
        var delivered = await status.Locator("main").InnerTextAsync();
        PageWords.AssertNone(delivered, PageWords.Danish, "Danish on the English status page with its result");
        PageWords.AssertNone(delivered, PageWords.IdsInEnglish, "ids on the status page with its result");
    }

    /// <summary>The order's id, as the status link's holder reads it from the order view.</summary>
    private async Task<string> OrderIdAsync(IPage page, string statusPath)
    {
        var view = await page.APIRequest.GetAsync(service.Url($"/api/status/{statusPath["/status/".Length..]}"));
        using var body = System.Text.Json.JsonDocument.Parse(await view.TextAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }
}
