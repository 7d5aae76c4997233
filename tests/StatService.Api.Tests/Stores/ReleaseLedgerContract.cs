using StatService.Core.Ledger;
using StatService.Core.Orders;

namespace StatService.Api.Tests.Stores;

/// <summary>
/// What the release ledger must do on every order store provider, each on a real, fresh database
/// (<see cref="SqliteReleaseLedgerTests"/>, <see cref="PostgresReleaseLedgerTests"/>): record a release with its result
/// once, read back the cells other orders published on a version, and serialise sessions on one extract version.
/// </summary>
public abstract class ReleaseLedgerContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : IStoreDatabase, new()
{
    protected const string Version = "synthetic-20000-s5";
    protected static readonly DateTimeOffset Noon = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_release_is_stored_with_its_cells_and_other_orders_read_them_on_its_version_and_contexts()
    {
        var order = await NewOrderAsync();
        var cells = new[]
        {
            Cell(order, "patient-count", "sex=total", "ctx-a", CodeSet.All, new AgeSpan(18, null), CodeSet.All, 8),
            Cell(order, "patient-count", "sex=male", "ctx-a", CodeSet.Of(["male"]), new AgeSpan(18, null), CodeSet.All, 7),
            Cell(order, "patient-count", "sex=female;region=1081", "ctx-b", CodeSet.Of(["female"]), new AgeSpan(30, 39), CodeSet.Of(["1081", "1082"]), 0),
        };

        await using (var session = await Store.BeginAsync(Version, CancellationToken.None))
        {
            var stored = await session.CommitAsync(Result(order, "first"), Release(order, cells, compared: 2, differencing: 1), CancellationToken.None);
            Assert.Equal("first", stored.Json);
        }

        Assert.Equal("first", (await Store.GetResultAsync(order, CancellationToken.None))?.Json);
        var recorded = await Store.ReleaseOfAsync(order, CancellationToken.None);
        Assert.NotNull(recorded);
        Assert.Equal((Version, "patient-count", 2, 1), (recorded.ExtractVersion, recorded.Product, recorded.ComparedReleases, recorded.DifferencingCells));
        Assert.Equal(Noon, recorded.RecordedAt);
        Assert.Equal(cells.OrderBy(c => c.Coordinates, StringComparer.Ordinal), recorded.Cells.OrderBy(c => c.Coordinates, StringComparer.Ordinal));

        var other = Guid.NewGuid();
        var seen = await Open().EarlierCellsAsync(Version, ["ctx-a", "ctx-z"], other, CancellationToken.None);
        Assert.Equal(cells.Take(2).OrderBy(c => c.Value), seen.OrderBy(c => c.Value));
        Assert.Empty(await Store.EarlierCellsAsync(Version, ["ctx-a", "ctx-b"], order, CancellationToken.None));
        Assert.Empty(await Store.EarlierCellsAsync("another-version", ["ctx-a", "ctx-b"], other, CancellationToken.None));
        Assert.Empty(await Store.EarlierCellsAsync(Version, [], other, CancellationToken.None));
        Assert.Null(await Store.ReleaseOfAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task Recording_a_release_again_keeps_the_first_result_and_the_first_record()
    {
        var order = await NewOrderAsync();
        var first = new[] { Cell(order, "t", "sex=total", "ctx-a", CodeSet.All, AgeSpan.Any, CodeSet.All, 12) };
        var second = new[] { Cell(order, "t", "sex=male", "ctx-a", CodeSet.Of(["male"]), AgeSpan.Any, CodeSet.All, 9), first[0] };

        await using (var session = await Store.BeginAsync(Version, CancellationToken.None))
        {
            await session.CommitAsync(Result(order, "first"), Release(order, first, 0, 0), CancellationToken.None);
        }

        // A recovered job runs the order again: same order id, possibly another pattern.
        await using (var session = await Open().BeginAsync(Version, CancellationToken.None))
        {
            var stored = await session.CommitAsync(Result(order, "second"), Release(order, second, 1, 1), CancellationToken.None);
            Assert.Equal("first", stored.Json);
        }

        var recorded = await Store.ReleaseOfAsync(order, CancellationToken.None);
        Assert.Equal(first, recorded!.Cells);
        Assert.Equal((0, 0), (recorded.ComparedReleases, recorded.DifferencingCells));
        Assert.Single(await Store.EarlierCellsAsync(Version, ["ctx-a"], Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task A_result_stored_before_the_ledger_existed_is_kept_and_not_recorded_afterwards()
    {
        var order = await NewOrderAsync();
        await Store.SaveResultAsync(Result(order, "delivered earlier"), CancellationToken.None);

        await using (var session = await Store.BeginAsync(Version, CancellationToken.None))
        {
            var cells = new[] { Cell(order, "t", "sex=total", "ctx-a", CodeSet.All, AgeSpan.Any, CodeSet.All, 12) };
            var stored = await session.CommitAsync(Result(order, "run again"), Release(order, cells, 0, 0), CancellationToken.None);
            Assert.Equal("delivered earlier", stored.Json);
        }

        // Its cells are not those of the stored result: recording them would put numbers in the ledger nobody received.
        Assert.Null(await Store.ReleaseOfAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_release_is_recorded_whole()
    {
        var order = await NewOrderAsync();
        var cells = Enumerable.Range(0, 455)
            .Select(i => Cell(order, $"table-{i % 3}", $"cell={i}", $"ctx-{i % 7}", CodeSet.All, new AgeSpan(i % 90, i % 2 == 0 ? null : 99), CodeSet.All, i))
            .ToArray();

        await using (var session = await Store.BeginAsync(Version, CancellationToken.None))
        {
            await session.CommitAsync(Result(order, "json"), Release(order, cells, 0, 0), CancellationToken.None);
        }

        var contexts = Enumerable.Range(0, 7).Select(i => $"ctx-{i}").ToArray();
        var seen = await Store.EarlierCellsAsync(Version, contexts, Guid.NewGuid(), CancellationToken.None);
        Assert.Equal(cells.OrderBy(c => c.Value), seen.OrderBy(c => c.Value));
    }

    [Fact]
    public async Task A_session_ended_without_commit_records_nothing_and_lets_the_next_one_begin()
    {
        var order = await NewOrderAsync();
        await using (var session = await Store.BeginAsync(Version, CancellationToken.None))
        {
            Assert.Empty(await session.EarlierCellsAsync(["ctx-a"], order, CancellationToken.None));
        }

        await using (var next = await Open().BeginAsync(Version, CancellationToken.None).WaitAsync(Patience))
        {
            Assert.Empty(await next.EarlierCellsAsync(["ctx-a"], Guid.NewGuid(), CancellationToken.None));
        }

        Assert.Null(await Store.GetResultAsync(order, CancellationToken.None));
        Assert.Null(await Store.ReleaseOfAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task Two_checks_on_one_extract_version_run_one_after_the_other_and_the_second_sees_the_first()
    {
        var first = await NewOrderAsync();
        var second = await NewOrderAsync();
        var cells = new[] { Cell(first, "patient-count", string.Empty, "ctx-a", CodeSet.All, AgeSpan.Any, CodeSet.All, 8) };
        var other = Open(); // another worker process on the same database, migrated as its start leaves it
        await other.CanConnectAsync(CancellationToken.None);

        await using var firstSession = await Store.BeginAsync(Version, CancellationToken.None);
        Assert.Empty(await firstSession.EarlierCellsAsync(["ctx-a"], first, CancellationToken.None));
        var secondBegins = other.BeginAsync(Version, CancellationToken.None);

        // The second check waits for the first to end: it must not read a ledger that lacks the first release.
        await Task.Delay(TimeSpan.FromMilliseconds(750));
        Assert.False(secondBegins.IsCompleted, "A second session began on the extract version while the first held it.");
        await firstSession.CommitAsync(Result(first, "first"), Release(first, cells, 0, 0), CancellationToken.None);

        await using var secondSession = await secondBegins.WaitAsync(Patience);
        var seen = await secondSession.EarlierCellsAsync(["ctx-a"], second, CancellationToken.None);
        Assert.Equal(cells, seen);
    }

    protected async Task<Guid> NewOrderAsync()
    {
        var order = new Order
        {
            Id = Guid.NewGuid(),
            Product = "patient-count",
            ParametersJson = """{"diagnoses":{"include":["DG12"]}}""",
            RequesterId = "demo-company",
            SubmittedAt = Noon,
        };
        await Store.CreateAsync(order, CancellationToken.None);
        return order.Id;
    }

    protected static LedgerCell Cell(
        Guid order, string table, string coordinates, string context, CodeSet sexes, AgeSpan ages, CodeSet regions, long value) =>
        new(order, "patient-count", table, coordinates, new PersonSet(context, sexes, ages, regions), value);

    protected static OrderResult Result(Guid order, string json) => new(order, json, "csv", Noon);

    protected static LedgerRelease Release(Guid order, IReadOnlyList<LedgerCell> cells, int compared, int differencing, string version = Version) =>
        new(order, version, "patient-count", Noon, cells, compared, differencing);
}
