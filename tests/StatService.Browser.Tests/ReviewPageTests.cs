using System.Text.Json;
using Microsoft.Playwright;
using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

[Collection(RunningServiceCollection.Name)]
public sealed class ReviewPageTests(RunningService service)
{
    [Fact]
    public async Task Rejection_needs_a_reason_and_the_requester_reads_it_on_the_status_page()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.Context.NewPageAsync();
        var purpose = $"Afvisningstest {Guid.NewGuid():N}";
        var statusUrl = await SubmitFormOrderAsync(page, purpose);

        await page.GotoAsync(service.Url("/review"));
        await page.GetByLabel("API-nøgle (sagsbehandler)").FillAsync("demo-caseworker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        var card = page.Locator("article.order-card").Filter(new() { HasText = purpose });
        await Expect(card).ToBeVisibleAsync();

        // No reason: refused on the page, the order stays in review.
        await card.GetByRole(AriaRole.Button, new() { Name = "Afvis" }).ClickAsync();
        await Expect(card.GetByLabel("Begrundelse for afslag")).ToHaveAttributeAsync("aria-invalid", "true");

        const string reason = "Formålet kan ikke besvares med registrene.";
        await card.GetByLabel("Begrundelse for afslag").FillAsync(reason);
        await card.GetByRole(AriaRole.Button, new() { Name = "Afvis" }).ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("afvist");
        await Expect(card).ToHaveCountAsync(0);

        await page.GotoAsync(service.Url(statusUrl));
        await Expect(page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "rejected");
        await Expect(page.Locator("#order-facts")).ToContainTextAsync(reason);
        await Expect(page.Locator("#cancel")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_a_status_link_that_does_not_exist_says_so()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/review"));
        await page.GetByLabel("API-nøgle (sagsbehandler)").FillAsync("demo-journalist");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Expect(page.Locator("#api-key-error")).ToHaveTextAsync("Nøglen blev ikke godkendt som sagsbehandlernøgle.");
        await Expect(page.Locator("#signed-in")).ToBeHiddenAsync();

        await page.GotoAsync(service.Url("/status/" + new string('A', 43)));
        await Expect(page.Locator("#problem")).ToContainTextAsync("Linket er ugyldigt");
    }

    /// <summary>Places a form order over HTTP, as the form would, and returns its status path.</summary>
    private async Task<string> SubmitFormOrderAsync(IPage page, string purpose)
    {
        var response = await page.APIRequest.PostAsync(service.Url("/api/form/orders"), new()
        {
            DataObject = new
            {
                product = "patient-count",
                parameters = new { diagnoses = new { include = new[] { "DE10" } }, period = new { from = "2022-01-01", to = "2022-12-31" }, breakdown = new[] { "sex" } },
                purpose,
                contact = new { name = "Patientforening", email = "kontakt@forening.example" },
                requesterKind = "patient_association",
                language = "da",
            },
        });
        Assert.Equal(202, response.Status);
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("statusUrl").GetString()!;
    }
}
