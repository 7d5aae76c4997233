using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

/// <summary>The interactive API reference renders the service's own operations in the browser.</summary>
[Collection(RunningServiceCollection.Name)]
public sealed class ApiReferencePageTests(RunningService service)
{
    [Fact]
    public async Task The_reference_at_docs_lists_the_order_endpoints()
    {
        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.OpenAsync(service.Url("/docs"));
        await Expect(page.GetByText("Place an order", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screenshots.TakeAsync(page, "12-api-reference");
    }
}
