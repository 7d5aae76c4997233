using Microsoft.Data.Sqlite;
using StatService.Core.Orders;
using StatService.Data.Orders;

namespace StatService.Api.Tests;

/// <summary>The SQLite order store against a real database file.</summary>
public sealed class OrderStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    private readonly string _directory = TemporaryDirectory.Create();
    private readonly SqliteOrderStore _store;

    public OrderStoreTests()
    {
        _store = new SqliteOrderStore(Path.Combine(_directory, SqliteOrderStore.FileName));
    }

    [Fact]
    public async Task An_order_reads_back_as_it_was_written()
    {
        var order = NewOrder() with
        {
            Status = OrderStatus.Failed,
            QueuedAt = Noon.AddSeconds(1),
            StartedAt = Noon.AddSeconds(2),
            FailedAt = Noon.AddSeconds(3),
            FailureReason = "The extract is gone.",
            ExtractVersion = "2025-03",
        };

        await _store.CreateAsync(order, CancellationToken.None);

        Assert.Equal(order, await _store.GetAsync(order.Id, CancellationToken.None));
        Assert.Null(await _store.GetAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task An_update_applies_only_while_the_order_has_the_expected_status()
    {
        var order = NewOrder();
        await _store.CreateAsync(order, CancellationToken.None);

        var first = await _store.UpdateAsync(order.Queue(Noon.AddSeconds(1)), OrderStatus.Submitted, CancellationToken.None);
        var second = await _store.UpdateAsync(order.Queue(Noon.AddSeconds(2)), OrderStatus.Submitted, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var stored = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Queued, stored?.Status);
        Assert.Equal(Noon.AddSeconds(1), stored?.QueuedAt);
    }

    [Fact]
    public async Task Of_two_workers_starting_one_order_only_one_succeeds()
    {
        var order = NewOrder().Queue(Noon);
        await _store.CreateAsync(order, CancellationToken.None);
        // Two store instances on one file, as two processes would have.
        var other = new SqliteOrderStore(_store.DatabasePath);

        var attempts = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _store : other)
                .UpdateAsync(order.Start(Noon.AddSeconds(i)), OrderStatus.Queued, CancellationToken.None)));

        Assert.Equal(1, attempts.Count(succeeded => succeeded));
    }

    [Fact]
    public async Task An_update_outside_the_life_cycle_is_refused()
    {
        var order = NewOrder();
        await _store.CreateAsync(order, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _store.UpdateAsync(order with { Status = OrderStatus.Delivered }, OrderStatus.Submitted, CancellationToken.None));
    }

    [Fact]
    public async Task Saving_a_result_twice_keeps_the_first()
    {
        var order = NewOrder();
        await _store.CreateAsync(order, CancellationToken.None);
        var first = new OrderResult(order.Id, """{"run":1}""", "run\n1\n", Noon);
        var second = new OrderResult(order.Id, """{"run":2}""", "run\n2\n", Noon.AddMinutes(1));

        var savedFirst = await _store.SaveResultAsync(first, CancellationToken.None);
        var savedSecond = await _store.SaveResultAsync(second, CancellationToken.None);

        Assert.Equal(first, savedFirst);
        Assert.Equal(first, savedSecond);
        Assert.Equal(first, await _store.GetResultAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Orders_are_listed_by_status_oldest_first_up_to_the_limit()
    {
        var newest = NewOrder() with { SubmittedAt = Noon.AddMinutes(2) };
        var oldest = NewOrder() with { SubmittedAt = Noon };
        var middle = NewOrder() with { SubmittedAt = Noon.AddMinutes(1) };
        var queued = NewOrder().Queue(Noon);
        foreach (var order in new[] { newest, oldest, middle, queued })
        {
            await _store.CreateAsync(order, CancellationToken.None);
        }

        var listed = await _store.ListByStatusAsync(OrderStatus.Submitted, 2, CancellationToken.None);

        Assert.Equal([oldest.Id, middle.Id], listed.Select(o => o.Id));
    }

    [Fact]
    public async Task A_reopened_database_keeps_its_orders()
    {
        var order = NewOrder();
        await _store.CreateAsync(order, CancellationToken.None);

        var reopened = new SqliteOrderStore(_store.DatabasePath);

        Assert.Equal(order, await reopened.GetAsync(order.Id, CancellationToken.None));
    }

    private static Order NewOrder() => new()
    {
        Id = Guid.NewGuid(),
        Product = "patient-count",
        ParametersJson = """{"diagnoses":{"include":["DE11"]}}""",
        RequesterId = "demo-company",
        SubmittedAt = Noon,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
    }
}
