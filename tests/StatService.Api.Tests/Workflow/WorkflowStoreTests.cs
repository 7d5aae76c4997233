using Microsoft.Data.Sqlite;
using StatService.Api.Tests.Stores;
using StatService.Core.Orders;
using StatService.Data.Orders;

namespace StatService.Api.Tests.Workflow;

/// <summary>
/// The order store's workflow features (history, idempotency keys, requesters, listing) behave the same on every
/// provider: the same portable SQL runs on SQLite and PostgreSQL, each test on a fresh database.
/// </summary>
public abstract class WorkflowStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly List<AdoOrderStore> _stores = [];

    protected abstract AdoOrderStore OpenStore();

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    private AdoOrderStore Store => _stores[0];

    [Fact]
    public async Task Concurrent_changes_from_two_processes_get_consecutive_sequences_in_commit_order()
    {
        var other = Open();
        var orders = Enumerable.Range(0, 10).Select(_ => NewOrder()).ToArray();

        await Task.WhenAll(orders.Select((order, i) => (i % 2 == 0 ? Store : other).CreateAsync(order, CancellationToken.None)));
        var moved = await Task.WhenAll(orders.Select((order, i) => (i % 2 == 0 ? other : Store)
            .UpdateAsync(order.Queue(Noon), OrderStatus.Submitted, "system", null, CancellationToken.None)));

        Assert.All(moved, Assert.True);
        var history = await Store.ListHistoryAfterAsync(0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), history.Select(h => h.Sequence));
        foreach (var order in orders)
        {
            Assert.Equal(
                [(null, OrderStatus.Submitted), (OrderStatus.Submitted, OrderStatus.Queued)],
                (await other.GetHistoryAsync(order.Id, CancellationToken.None)).Select(h => (h.From, h.To)));
        }
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_store_one_order()
    {
        var other = Open();
        var key = new IdempotencyKey("retry-1", "BODY");
        var attempts = Enumerable.Range(0, 6).Select(_ => NewOrder()).ToArray();

        var created = await Task.WhenAll(attempts.Select((order, i) => (i % 2 == 0 ? Store : other).CreateOnceAsync(order, key, CancellationToken.None)));

        Assert.Single(created, c => c.Created);
        Assert.Single(created.Select(c => c.Order.Id).Distinct());
        Assert.All(created, c => Assert.True(c.SameBody));
        Assert.Single(await Store.ListAsync("demo-company", null, 100, CancellationToken.None));
        Assert.Single(await Store.ListHistoryAfterAsync(0, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Orders_are_listed_per_requester_and_status_newest_first()
    {
        var old = NewOrder() with { SubmittedAt = Noon };
        var recent = NewOrder() with { SubmittedAt = Noon.AddMinutes(1) };
        var someoneElses = NewOrder() with { RequesterId = "demo-journalist", SubmittedAt = Noon.AddMinutes(2) };
        var queued = NewOrder().Queue(Noon) with { SubmittedAt = Noon.AddMinutes(3) };
        foreach (var order in new[] { old, recent, someoneElses, queued })
        {
            await Store.CreateAsync(order, CancellationToken.None);
        }

        Assert.Equal([queued.Id, recent.Id, old.Id], (await Store.ListAsync("demo-company", null, 10, CancellationToken.None)).Select(o => o.Id));
        Assert.Equal([someoneElses.Id, recent.Id, old.Id], (await Store.ListAsync(null, OrderStatus.Submitted, 10, CancellationToken.None)).Select(o => o.Id));
        Assert.Equal([queued.Id, someoneElses.Id], (await Store.ListAsync(null, null, 2, CancellationToken.None)).Select(o => o.Id));
    }

    [Fact]
    public async Task Queue_positions_follow_the_time_orders_were_queued()
    {
        var first = NewOrder().Queue(Noon);
        var second = NewOrder().Queue(Noon.AddSeconds(1));
        var third = NewOrder().Queue(Noon.AddSeconds(2));
        foreach (var order in new[] { third, first, second })
        {
            await Store.CreateAsync(order, CancellationToken.None);
        }

        var positions = await Task.WhenAll(new[] { first, second, third }.Select(o => Store.GetQueuePositionAsync(o, CancellationToken.None)));
        Assert.Equal(new[] { 1, 2, 3 }, positions);
        await Store.UpdateAsync(first.Start(Noon), OrderStatus.Queued, "worker", null, CancellationToken.None);
        Assert.Equal(1, await Store.GetQueuePositionAsync(second, CancellationToken.None));
    }

    [Fact]
    public async Task Every_order_field_and_a_status_token_hash_read_back()
    {
        var order = NewOrder() with
        {
            RequesterKind = RequesterKind.Journalist,
            Purpose = "Artikel om type 2-diabetes (æøå)",
            ContactName = "Bo Holm",
            ContactEmail = "bo@avis.example",
            ContactOrganisation = "Avisen",
            Channel = OrderChannel.Form,
            Language = "en",
            StatusTokenHash = new string('C', 64),
            ReviewRequired = true,
            EstimatedCells = 198,
        };
        await Store.CreateAsync(order, CancellationToken.None);
        var approved = order.SendToReview().Approve(Noon.AddMinutes(1), 2896.5m, "ok");
        await Store.UpdateAsync(order.SendToReview(), OrderStatus.Submitted, "form", null, CancellationToken.None);
        await Store.UpdateAsync(approved, OrderStatus.InReview, "caseworker:cw", "ok", CancellationToken.None);

        Assert.Equal(approved, await Open().GetByStatusTokenHashAsync(order.StatusTokenHash, CancellationToken.None));
    }

    [Fact]
    public async Task Requesters_keep_only_a_key_hash_that_a_second_process_verifies()
    {
        var issued = await new RequesterKeys(Store, TimeProvider.System).IssueAsync("Novo", RequesterKind.Company, CancellationToken.None);
        var elsewhere = new RequesterKeys(Open(), TimeProvider.System);

        Assert.Equal(issued.Requester, await elsewhere.FindAsync(issued.ApiKey, CancellationToken.None));
        Assert.True(await elsewhere.RevokeAsync(issued.Requester.Id, CancellationToken.None));
        Assert.Null(await new RequesterKeys(Store, TimeProvider.System).FindAsync(issued.ApiKey, CancellationToken.None));
    }

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Open();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores.OfType<IAsyncDisposable>())
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        await DeleteDatabaseAsync();
    }

    /// <summary>A store on this test's database, already migrated (as the service's start does before it takes work).</summary>
    private AdoOrderStore Open()
    {
        var store = OpenStore();
        _stores.Add(store);
        store.CanConnectAsync(CancellationToken.None).GetAwaiter().GetResult();
        return store;
    }

    private static Order NewOrder() => new()
    {
        Id = Guid.NewGuid(),
        Product = "patient-count",
        ParametersJson = "{}",
        RequesterId = "demo-company",
        SubmittedAt = Noon,
    };
}

public sealed class SqliteWorkflowStoreTests : WorkflowStoreTests
{
    private readonly string _directory = TemporaryDirectory.Create();

    protected override AdoOrderStore OpenStore() => new SqliteOrderStore(Path.Combine(_directory, SqliteOrderStore.FileName));

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DeleteDatabaseAsync()
    {
        TemporaryDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}

public sealed class PostgresWorkflowStoreTests : WorkflowStoreTests
{
    private string _connectionString = string.Empty;

    protected override AdoOrderStore OpenStore() => new PostgresOrderStore(_connectionString);

    protected override async Task CreateDatabaseAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    protected override Task DeleteDatabaseAsync() => PostgresServer.DropDatabaseAsync(_connectionString);
}
