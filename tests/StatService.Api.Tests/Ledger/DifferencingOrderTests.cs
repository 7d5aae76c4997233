using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatService.Api.Tests.Stores;
using StatService.Core.Ledger;
using StatService.Core.Localization;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// The domain's differencing example over HTTP, on the real service with the hand-made extract: order A counts everyone
/// with a diagnosis (8), a later order B counts the men with it (7). B alone would publish 7; after A, the ledger must
/// keep A and B together from revealing the one woman: B's cell is hidden so that the woman's count could be 5 or more
/// (judged by an attacker holding both releases), or B fails with a reason that names no number.
/// </summary>
[Collection(LedgerExtractCollection.Name)]
public sealed class DifferencingOrderTests(LedgerExtract extract)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Everyone_with_a_diagnosis_then_the_men_with_it_never_reveal_the_one_woman(string provider)
    {
        await using var service = await LedgerService.StartAsync(extract, provider);
        using var company = service.Application.CreateClient("demo-company");
        using var journalist = service.Application.CreateClient("demo-journalist");

        var (a, everyone) = await DeliveredAsync(company, Order(LedgerExtract.Sclerosis));
        Assert.Equal(8, SingleCell(everyone).GetProperty("value").GetInt64());
        Assert.Equal(0, EarlierReleasesCompared(everyone));

        var (b, men) = await DeliveredAsync(journalist, Order(LedgerExtract.Sclerosis, sex: "male"));
        var cell = SingleCell(men);
        Assert.Equal("suppressed", cell.GetProperty("status").GetString());
        Assert.Equal(1, EarlierReleasesCompared(men));
        Assert.DoesNotContain(a.ToString(), men.GetRawText(), StringComparison.Ordinal);

        var women = CrossReleaseAttacker.Difference(8, men.GetProperty("tables")[0]);
        Assert.True(women.Highest >= 5, $"Together the releases show at most {women.Highest} women: fewer than 5.");
        Assert.True(women.Highest > women.Lowest, "Together the releases pin the number of women.");

        // The history tells that the ledger narrowed the second delivery (no numbers), and not the first.
        Assert.Equal(ReleaseLedgerCheck.NarrowedNote, await DeliveryNoteAsync(journalist, b));
        // ... with a text key, so that the Danish pages say it in Danish (the English text is the stored one).
        using (var view = JsonDocument.Parse(await journalist.GetStringAsync($"/api/orders/{b}")))
        {
            var delivered = view.RootElement.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("to").GetString() == "delivered");
            var key = delivered.GetProperty("reasonKey").GetString()!;
            Assert.Equal(ReleaseLedgerCheck.NarrowedNote, Texts.Get("en", key));
            Assert.Contains("skjulte celler", Texts.Get("da", key), StringComparison.Ordinal);
        }

        Assert.Null(await DeliveryNoteAsync(company, a));

        var report = await journalist.GetStringAsync($"/api/orders/{b}/result?format=html");
        Assert.Contains("checked against the person counts of 1 earlier release from the same register extract", report, StringComparison.Ordinal);
        // The ledger compares persons, whatever the definitions: the note says so, in the order's language.
        Assert.Contains("whatever its definition", report, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Get("en", "note.zerosHidden"), report, StringComparison.Ordinal);

        var ledger = service.Application.Services.GetRequiredService<IReleaseLedger>();
        var recordedA = await ledger.ReleaseOfAsync(a, CancellationToken.None);
        var cellA = Assert.Single(Assert.Single(recordedA!.Persons.Tables).Cells);
        Assert.Equal((8L, (long?)8L, false), (cellA.Low, cellA.High, cellA.Hidden));
        Assert.Equal(8, Assert.Single(recordedA.Persons.Tables[0].Inner).Length);
        Assert.Equal(LedgerExtract.Version, recordedA.ExtractVersion);
        var recordedB = await ledger.ReleaseOfAsync(b, CancellationToken.None);
        Assert.True(Assert.Single(Assert.Single(recordedB!.Persons.Tables).Cells).Hidden);
        Assert.Equal((1, 1), (recordedB.ComparedReleases, recordedB.LedgerCells));
        Assert.Equal(7, Assert.Single(recordedB.Persons.Tables[0].Inner).Length);
    }

    [Fact]
    public async Task An_order_run_again_after_a_recovery_keeps_its_first_result_and_record()
    {
        await using var service = await LedgerService.StartAsync(extract, "sqlite");
        using var company = service.Application.CreateClient("demo-company");
        var (a, first) = await DeliveredAsync(company, Order(LedgerExtract.Sclerosis));
        var order = await service.Application.Services.GetRequiredService<Core.Orders.IOrderStore>().GetAsync(a, CancellationToken.None);

        // A recovered job runs the whole pipeline again for the same order: it must not see its own cells as earlier ones.
        var again = await service.Application.Services.GetRequiredService<IOrderPipeline>().RunAsync(order!, CancellationToken.None);

        Assert.Equal(first.GetRawText(), JsonDocument.Parse(again.Json).RootElement.GetRawText());
        var recorded = await service.Application.Services.GetRequiredService<IReleaseLedger>().ReleaseOfAsync(a, CancellationToken.None);
        Assert.Equal((1, 0), (recorded!.Persons.Tables.Count, recorded.ComparedReleases));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Everyone_and_the_men_ordered_at_once_are_never_both_published(string provider)
    {
        // Both protect against an empty ledger (two run at a time by default); whichever records first, the other's read
        // under the lock finds it, and that order is protected again.
        await using var service = await LedgerService.StartAsync(extract, provider, ledger => new SnapshotBarrierLedger(ledger, checks: 2));
        using var company = service.Application.CreateClient("demo-company");
        using var journalist = service.Application.CreateClient("demo-journalist");

        var orders = await Task.WhenAll(
            DeliveredAsync(company, Order(LedgerExtract.Sclerosis)),
            DeliveredAsync(journalist, Order(LedgerExtract.Sclerosis, sex: "male")));

        var published = orders.Select(o => SingleCell(o.Result).GetProperty("status").GetString() == "published").ToArray();
        Assert.Equal(1, published.Count(p => p));
        var compared = orders.Select(o => EarlierReleasesCompared(o.Result)).Order().ToArray();
        Assert.Equal([0, 1], compared);
    }

    [Fact]
    public async Task Without_an_earlier_release_the_men_are_published()
    {
        await using var service = await LedgerService.StartAsync(extract, "sqlite");
        using var journalist = service.Application.CreateClient("demo-journalist");

        var (b, men) = await DeliveredAsync(journalist, Order(LedgerExtract.Sclerosis, sex: "male"));

        Assert.Equal(7, SingleCell(men).GetProperty("value").GetInt64());
        var recorded = await service.Application.Services.GetRequiredService<IReleaseLedger>().ReleaseOfAsync(b, CancellationToken.None);
        var cell = Assert.Single(Assert.Single(recorded!.Persons.Tables).Cells);
        Assert.Equal((7L, (long?)7L, false), (cell.Low, cell.High, cell.Hidden));
        Assert.Equal((0, 0), (recorded.ComparedReleases, recorded.LedgerCells));
    }

    [Fact]
    public async Task The_men_by_region_are_hidden_so_widely_that_the_woman_stays_hidden_and_only_published_cells_are_recorded()
    {
        await using var service = await LedgerService.StartAsync(extract, "sqlite");
        using var company = service.Application.CreateClient("demo-company");
        using var journalist = service.Application.CreateClient("demo-journalist");

        // Alone, this table publishes its total (7): 1082's two men are hidden with 1081's five.
        var (_, alone) = await DeliveredAsync(journalist, Order(LedgerExtract.Sclerosis, sex: "male", breakdown: ["region"]));
        Assert.Equal(7, Cell(alone, "total").GetProperty("value").GetInt64());

        await using var later = await LedgerService.StartAsync(extract, "sqlite");
        using var laterCompany = later.Application.CreateClient("demo-company");
        using var laterJournalist = later.Application.CreateClient("demo-journalist");
        await DeliveredAsync(laterCompany, Order(LedgerExtract.Sclerosis));
        var (b, men) = await DeliveredAsync(laterJournalist, Order(LedgerExtract.Sclerosis, sex: "male", breakdown: ["region"]));

        Assert.Equal("suppressed", Cell(men, "total").GetProperty("status").GetString());
        var women = CrossReleaseAttacker.Difference(8, men.GetProperty("tables")[0]);
        Assert.True(women.Highest >= 5, $"Together the releases show at most {women.Highest} women: fewer than 5.");
        Assert.True(women.Highest > women.Lowest, "Together the releases pin the number of women.");

        var recorded = await later.Application.Services.GetRequiredService<IReleaseLedger>().ReleaseOfAsync(b, CancellationToken.None);
        var published = men.GetProperty("tables")[0].GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "published")
            .ToDictionary(c => "region=" + c.GetProperty("coordinates").GetProperty("region").GetString(), c => c.GetProperty("value").GetInt64());
        var cells = Assert.Single(recorded!.Persons.Tables).Cells;
        Assert.Equal(published.Values.Order(), cells.Where(c => !c.Hidden).Select(c => c.Low).Order());
        Assert.All(cells.Where(c => !c.Hidden), c => Assert.Equal(c.Low, c.High));
        // the total and 1081's and 1082's men, and any region's zero that would say all its few patients are women
        var hidden = men.GetProperty("tables")[0].GetProperty("cells").EnumerateArray().Count(c => c.GetProperty("status").GetString() == "suppressed");
        Assert.True(hidden >= 3, $"{hidden} cells hidden");
        Assert.Equal(hidden, cells.Count(c => c.Hidden));
    }

    [Fact]
    public async Task Men_in_every_region_after_everyone_come_with_zeros_hidden_so_the_women_stay_out_of_reach()
    {
        await using var service = await LedgerService.StartAsync(extract, "sqlite");
        using var company = service.Application.CreateClient("demo-company");
        using var journalist = service.Application.CreateClient("demo-journalist");
        await DeliveredAsync(company, Order(LedgerExtract.MotorNeuron));

        // With zeros published, the hidden regions would each count at least one man, so the men would be at least 5 and
        // the women at most 3; no published cell can be hidden to stop that. Hiding the zeros too takes the floors away.
        var (b, men) = await DeliveredAsync(journalist, Order(LedgerExtract.MotorNeuron, sex: "male", breakdown: ["region"]));
        var rule = men.GetProperty("disclosure").GetProperty("rule").GetString()!;
        Assert.Contains("zeros are suppressed", rule, StringComparison.Ordinal);
        var women = CrossReleaseAttacker.Difference(8, men.GetProperty("tables")[0], zerosPublished: false);
        Assert.True(women.Highest >= 5, $"Together the releases show at most {women.Highest} women: fewer than 5.");
        Assert.Equal(ReleaseLedgerCheck.NarrowedNote, await DeliveryNoteAsync(journalist, b));
        var report = await journalist.GetStringAsync($"/api/orders/{b}/result?format=html");
        Assert.Contains(Texts.Get("en", "note.zerosHidden"), report, StringComparison.Ordinal);

        // The same table read as if zeros were published would pin the women below 5: the attacker can tell the difference.
        var misread = CrossReleaseAttacker.Difference(8, men.GetProperty("tables")[0], zerosPublished: true);
        Assert.True(misread.Highest < 5, $"Read with floors of 1 the women could still be {misread.Highest}: the test shows nothing.");
    }

    private static string Order(string diagnosis, string? sex = null, string[]? breakdown = null) => JsonSerializer.Serialize(new
    {
        product = "patient-count",
        parameters = new
        {
            specVersion = 1,
            diagnoses = new { include = new[] { diagnosis } },
            period = new { from = "2021-01-01", to = "2023-12-31" },
            indexDate = "2023-12-31",
            age = new { min = 18 },
            sex,
            breakdown = breakdown ?? [],
        },
    });

    private static async Task<Guid> SubmitAsync(HttpClient client, string body)
    {
        using var response = await client.PostAsync("/api/orders", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<(Guid Id, JsonElement Result)> DeliveredAsync(HttpClient client, string body)
    {
        var id = await SubmitAsync(client, body);
        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        return (id, JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result")).RootElement.Clone());
    }

    private static JsonElement SingleCell(JsonElement result) => Assert.Single(result.GetProperty("tables")[0].GetProperty("cells").EnumerateArray());

    private static JsonElement Cell(JsonElement result, string region) =>
        result.GetProperty("tables")[0].GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("coordinates").GetProperty("region").GetString() == region);

    private static int EarlierReleasesCompared(JsonElement result) =>
        result.GetProperty("disclosure").GetProperty("differencing").GetProperty("earlierReleasesCompared").GetInt32();

    /// <summary>The reason the history gives for the order's move to delivered.</summary>
    private static async Task<string?> DeliveryNoteAsync(HttpClient client, Guid order)
    {
        using var view = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{order}"));
        var delivered = view.RootElement.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("to").GetString() == "delivered");
        return delivered.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;
    }
}
