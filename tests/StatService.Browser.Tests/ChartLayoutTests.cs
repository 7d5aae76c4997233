using System.Text.Json;
using Microsoft.Playwright;
using StatService.Browser.Tests.Browser;
using StatService.Browser.Tests.Service;
using StatService.TestSupport.Deliverables;
using static Microsoft.Playwright.Assertions;

namespace StatService.Browser.Tests;

/// <summary>
/// Charts of results with several tables, measured in the browser: no two labels of a chart overlap or leave it, every
/// caption lies inside its figure, above its chart and nearer to it than to the chart before; on screen and in print,
/// on the status page and in the report. A table whose cells are all hidden gets no chart.
/// </summary>
[Collection(RunningServiceCollection.Name)]
public sealed class ChartLayoutTests(RunningService service)
{
    [Fact]
    public async Task A_group_profile_draws_charts_whose_labels_never_overlap_and_no_chart_for_an_all_hidden_table()
    {
        var (token, release) = await DeliverAsync(new
        {
            product = "group-profile",
            parameters = new
            {
                diagnoses = new { include = new[] { "DG35" } },
                period = new { from = "2021-01-01", to = "2023-12-31" },
                indexDate = "2023-12-31",
                medicationGroups = new { level = 3, top = 10 },
            },
        });
        var allHidden = release.Tables.Select((t, i) => (t, i)).Where(x => x.t.Cells.All(c => c.Status != "published")).Select(x => x.i).ToArray();
        Assert.NotEmpty(allHidden);

        await using var chromium = await Chromium.StartAsync();
        var status = await OpenStatusAsync(chromium, token);
        await AssertChartsReadAsync(status, "status page");
        var report = await chromium.OpenAsync(service.Url($"/api/status/{token}/result?format=html"));
        await AssertChartsReadAsync(report, "report");
        foreach (var i in allHidden)
        {
            await Expect(status.Locator($"section[aria-labelledby='table-{i + 1}'] figure")).ToHaveCountAsync(0);
            await Expect(report.Locator($"section[aria-labelledby='table-{i + 1}'] figure")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_five_year_incidence_order_opens_with_contents_and_a_small_multiples_overview_whose_labels_never_overlap()
    {
        var (token, release) = await DeliverAsync(new
        {
            product = "incidence-prevalence",
            parameters = new
            {
                // A cohort no other browser test orders: releases of one cohort are checked against each other.
                diagnoses = new { include = new[] { "DI10" } },
                period = new { from = "2019-01-01", to = "2023-12-31" },
                breakdown = new[] { "sex", "ageband" },
            },
        });
        Assert.True(release.Tables.Count >= 15, "five years of several tables");

        await using var chromium = await Chromium.StartAsync();
        var status = await OpenStatusAsync(chromium, token);
        var report = await chromium.OpenAsync(service.Url($"/api/status/{token}/result?format=html"));
        foreach (var (page, where) in new[] { (status, "status page"), (report, "report") })
        {
            await AssertChartsReadAsync(page, where);
            await Expect(page.Locator("svg.chart-multiples").First).ToBeVisibleAsync();
            // The overview replaces a chart per table: far fewer figures than tables.
            Assert.True(await page.Locator("figure.chart").CountAsync() < release.Tables.Count, $"{where}: a chart per table");
            await AssertContentsAsync(page, release, where);
        }
    }

    private async Task<(string Token, JsonRelease Release)> DeliverAsync(object order)
    {
        await using var chromium = await Chromium.StartAsync();
        var request = (await chromium.OpenAsync("about:blank")).APIRequest;
        var body = JsonSerializer.SerializeToElement(order);
        var response = await request.PostAsync(service.Url("/api/form/orders"), new()
        {
            DataObject = new
            {
                product = body.GetProperty("product").GetString(),
                parameters = body.GetProperty("parameters"),
                purpose = "Figurer der kan læses.",
                contact = new { name = "Kontakt", email = "kontakt@eksempel.example" },
                requesterKind = "journalist",
                language = "da",
            },
        });
        Assert.Equal(202, response.Status);
        using var answer = JsonDocument.Parse(await response.TextAsync());
        var id = answer.RootElement.GetProperty("id").GetGuid();
        var token = answer.RootElement.GetProperty("statusToken").GetString()!;
        var approved = await request.PostAsync(service.Url($"/api/review/orders/{id}/approve"), new()
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer demo-caseworker" },
            DataObject = new { priceQuoteDkk = 1000 },
        });
        Assert.Equal(200, approved.Status);
        for (var wait = 0; wait < 180; wait++)
        {
            using var state = JsonDocument.Parse(await (await request.GetAsync(service.Url($"/api/status/{token}"))).TextAsync());
            var now = state.RootElement.GetProperty("status").GetString();
            Assert.True(now != "failed", state.RootElement.GetProperty("failureReason").GetString());
            if (now == "delivered")
            {
                return (token, JsonRelease.Read(await (await request.GetAsync(service.Url($"/api/status/{token}/result"))).TextAsync()));
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The order was not delivered within 90 seconds.");
    }

    private async Task<IPage> OpenStatusAsync(Chromium chromium, string token)
    {
        var page = await chromium.OpenAsync(service.Url($"/status/{token}"));
        await Expect(page.Locator("#order-status")).ToHaveAttributeAsync("data-status", "delivered", new() { Timeout = 30_000 });
        await Expect(page.Locator("table.result").First).ToBeVisibleAsync();
        return page;
    }

    /// <summary>On screen and as printed (A4 width): the measures of <see cref="ChartMeasure.Script"/> find nothing wrong.</summary>
    private static async Task AssertChartsReadAsync(IPage page, string where)
    {
        foreach (var (media, width) in new[] { (Media.Screen, 1200), (Media.Print, 680) })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EmulateMediaAsync(new() { Media = media });
            var measure = await page.EvaluateAsync<ChartMeasure>(ChartMeasure.Script);
            Assert.True(measure.Figures > 0, $"{where} ({media}): no chart");
            Assert.True(measure.Labels > measure.Figures, $"{where} ({media}): no labels");
            Assert.True(measure.Problems.Length == 0, $"{where} ({media}):\n{string.Join("\n", measure.Problems.Take(20))}");
        }

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1200, 900);
    }

    /// <summary>A contents list whose every link leads to an element of the page, and which reaches every table.</summary>
    private static async Task AssertContentsAsync(IPage page, JsonRelease release, string where)
    {
        var targets = await page.Locator("nav.contents a").EvaluateAllAsync<string[]>(
            "links => links.map(a => a.getAttribute('href')).filter(h => h.startsWith('#') && document.getElementById(h.slice(1)))");
        Assert.Equal(await page.Locator("nav.contents a").CountAsync(), targets.Length);
        for (var i = 1; i <= release.Tables.Count; i++)
        {
            Assert.True(targets.Contains($"#table-{i}"), $"{where}: the contents do not reach table {i}");
        }

        var link = page.Locator("nav.contents a[href='#table-7']");
        await link.ClickAsync();
        await Expect(page.Locator("#table-7")).ToBeInViewportAsync();
    }
}
