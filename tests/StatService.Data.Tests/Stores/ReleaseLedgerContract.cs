using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Ledger;

namespace StatService.Data.Tests.Stores;

/// <summary>
/// What the release ledger must do on every order store provider, each on a real, fresh database
/// (<see cref="SqliteReleaseLedgerTests"/>, <see cref="PostgresReleaseLedgerTests"/>): record a release with its result
/// once, hand the releases of a version to other orders' checks, and serialise sessions on one extract version.
/// </summary>
public abstract class ReleaseLedgerContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : IStoreDatabase, new()
{
    protected const string Version = "synthetic-20000-s5";
    protected static readonly DateTimeOffset Noon = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_release_is_stored_with_its_persons_and_other_orders_read_it_on_its_version()
    {
        var order = await NewOrderAsync();
        var persons = Persons(8);

        await using (var session = await Ledger.BeginAsync(Version, CancellationToken.None))
        {
            var stored = await session.CommitAsync(Result(order, "first"), Release(order, persons, compared: 2, differencing: 1), CancellationToken.None);
            Assert.Equal("first", stored.Json);
        }

        Assert.Equal("first", (await Store.GetResultAsync(order, CancellationToken.None))?.Json);
        var recorded = await Ledger.ReleaseOfAsync(order, CancellationToken.None);
        Assert.NotNull(recorded);
        Assert.Equal((Version, "patient-count", 2, 1), (recorded.ExtractVersion, recorded.Product, recorded.ComparedReleases, recorded.LedgerCells));
        Assert.Equal(Noon, recorded.RecordedAt);
        Assert.Equal(ReleasePersonsCodec.Encode(persons), ReleasePersonsCodec.Encode(recorded.Persons));

        var other = Guid.NewGuid();
        var seen = Assert.Single(await OpenLedger().EarlierReleasesAsync(Version, other, CancellationToken.None));
        Assert.Equal(order, seen.OrderId);
        Assert.Equal(ReleasePersonsCodec.Encode(persons), ReleasePersonsCodec.Encode(seen.Persons));
        Assert.Empty(await Ledger.EarlierReleasesAsync(Version, order, CancellationToken.None));
        Assert.Empty(await Ledger.EarlierReleasesAsync("another-version", other, CancellationToken.None));
        Assert.Null(await Ledger.ReleaseOfAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task Recording_a_release_again_keeps_the_first_result_and_the_first_record()
    {
        var order = await NewOrderAsync();
        await using (var session = await Ledger.BeginAsync(Version, CancellationToken.None))
        {
            await session.CommitAsync(Result(order, "first"), Release(order, Persons(12), 0, 0), CancellationToken.None);
        }

        // A recovered job runs the order again: same order id, possibly another pattern.
        await using (var session = await OpenLedger().BeginAsync(Version, CancellationToken.None))
        {
            var stored = await session.CommitAsync(Result(order, "second"), Release(order, Persons(9), 1, 1), CancellationToken.None);
            Assert.Equal("first", stored.Json);
        }

        var recorded = await Ledger.ReleaseOfAsync(order, CancellationToken.None);
        Assert.Equal(ReleasePersonsCodec.Encode(Persons(12)), ReleasePersonsCodec.Encode(recorded!.Persons));
        Assert.Equal((0, 0), (recorded.ComparedReleases, recorded.LedgerCells));
        Assert.Single(await Ledger.EarlierReleasesAsync(Version, Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task A_result_stored_before_the_ledger_existed_is_kept_and_not_recorded_afterwards()
    {
        var order = await NewOrderAsync();
        await Store.SaveResultAsync(Result(order, "delivered earlier"), CancellationToken.None);

        await using (var session = await Ledger.BeginAsync(Version, CancellationToken.None))
        {
            var stored = await session.CommitAsync(Result(order, "run again"), Release(order, Persons(12), 0, 0), CancellationToken.None);
            Assert.Equal("delivered earlier", stored.Json);
        }

        // Its persons are not those of the stored result: recording them would put numbers in the ledger nobody received.
        Assert.Null(await Ledger.ReleaseOfAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_release_is_recorded_whole_and_releases_come_back_in_the_order_they_were_recorded()
    {
        var orders = new List<Guid>();
        var large = Persons(50_000, tables: 3, cells: 455);
        for (var i = 0; i < 3; i++)
        {
            var order = await NewOrderAsync();
            orders.Add(order);
            await using var session = await Ledger.BeginAsync(Version, CancellationToken.None);
            await session.CommitAsync(Result(order, "json"), Release(order, i == 1 ? large : Persons(20 + i), 0, 0), CancellationToken.None);
        }

        var seen = await OpenLedger().EarlierReleasesAsync(Version, Guid.NewGuid(), CancellationToken.None);
        Assert.Equal(orders, seen.Select(r => r.OrderId));
        Assert.Equal(ReleasePersonsCodec.Encode(large), ReleasePersonsCodec.Encode(seen[1].Persons));
    }

    [Fact]
    public async Task A_session_ended_without_commit_records_nothing_and_lets_the_next_one_begin()
    {
        var order = await NewOrderAsync();
        await using (var session = await Ledger.BeginAsync(Version, CancellationToken.None))
        {
            Assert.Empty(await session.EarlierReleasesAsync(order, CancellationToken.None));
        }

        await using (var next = await OpenLedger().BeginAsync(Version, CancellationToken.None).WaitAsync(Patience))
        {
            Assert.Empty(await next.EarlierReleasesAsync(Guid.NewGuid(), CancellationToken.None));
        }

        Assert.Null(await Store.GetResultAsync(order, CancellationToken.None));
        Assert.Null(await Ledger.ReleaseOfAsync(order, CancellationToken.None));
    }

    [Fact]
    public async Task Two_checks_on_one_extract_version_run_one_after_the_other_and_the_second_sees_the_first()
    {
        var first = await NewOrderAsync();
        var second = await NewOrderAsync();
        var database = Open(); // another worker process on the same database, migrated as its start leaves it
        await database.CanConnectAsync(CancellationToken.None);
        var other = new AdoReleaseLedger(database);

        await using var firstSession = await Ledger.BeginAsync(Version, CancellationToken.None);
        Assert.Empty(await firstSession.EarlierReleasesAsync(first, CancellationToken.None));
        var secondBegins = other.BeginAsync(Version, CancellationToken.None);

        // The second check waits for the first to end: it must not read a ledger that lacks the first release.
        await Task.Delay(TimeSpan.FromMilliseconds(750));
        Assert.False(secondBegins.IsCompleted, "A second session began on the extract version while the first held it.");
        await firstSession.CommitAsync(Result(first, "first"), Release(first, Persons(8), 0, 0), CancellationToken.None);

        await using var secondSession = await secondBegins.WaitAsync(Patience);
        var seen = Assert.Single(await secondSession.EarlierReleasesAsync(second, CancellationToken.None));
        Assert.Equal(first, seen.OrderId);
    }

    [Fact]
    public async Task A_ledger_that_has_read_a_version_sees_releases_another_process_records_afterwards_in_order()
    {
        var orders = new List<Guid> { await NewOrderAsync() };
        await RecordAsync(Ledger, orders[0], Persons(10));
        var reader = OpenLedger();
        Assert.Equal(orders, (await reader.EarlierReleasesAsync(Version, Guid.NewGuid(), CancellationToken.None)).Select(r => r.OrderId));

        // Another worker sharing the database records two more; the reader keeps what it decoded and reads only those.
        var other = OpenLedger();
        for (var i = 0; i < 2; i++)
        {
            orders.Add(await NewOrderAsync());
            await RecordAsync(other, orders[^1], Persons(30 + i));
        }

        var seen = await reader.EarlierReleasesAsync(Version, orders[1], CancellationToken.None);
        Assert.Equal([orders[0], orders[2]], seen.Select(r => r.OrderId));
        Assert.Equal(ReleasePersonsCodec.Encode(Persons(31)), ReleasePersonsCodec.Encode(seen[1].Persons));
        await using var session = await reader.BeginAsync(Version, CancellationToken.None);
        Assert.Equal(orders, (await session.EarlierReleasesAsync(Guid.NewGuid(), CancellationToken.None)).Select(r => r.OrderId));
        Assert.Empty(await reader.EarlierReleasesAsync("another-version", Guid.NewGuid(), CancellationToken.None));
    }

    private static async Task RecordAsync(IReleaseLedger ledger, Guid order, ReleasePersons persons)
    {
        await using var session = await ledger.BeginAsync(Version, CancellationToken.None);
        await session.CommitAsync(Result(order, "json"), Release(order, persons, 0, 0), CancellationToken.None);
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

    /// <summary>A release of <paramref name="tables"/> tables of <paramref name="cells"/> inner cells over persons 0..count-1, plus a total per table.</summary>
    protected static ReleasePersons Persons(int count, int tables = 1, int cells = 2) =>
        new([.. Enumerable.Range(0, tables).Select(t =>
        {
            var inner = Enumerable.Range(0, cells).Select(c => Enumerable.Range(0, count).Where(p => (p + t) % cells == c).ToArray()).ToArray();
            var known = inner.Select((persons, c) => new PersonCell(c + 1, [c], persons.Length, persons.Length, false))
                .Prepend(new PersonCell(0, [.. Enumerable.Range(0, cells)], 1, null, true))
                .ToArray();
            return new PersonTable($"table-{t}", inner, known);
        })]);

    protected static OrderResult Result(Guid order, string json) => new(order, json, "csv", Noon);

    protected static LedgerRelease Release(Guid order, ReleasePersons persons, int compared, int differencing, string version = Version) =>
        new(order, version, "patient-count", Noon, persons, compared, differencing);
}
