using StatService.Core.Orders;

namespace StatService.Data.Tests.Stores;

/// <summary>The order store contract: every status change lands in one history with consecutive sequence numbers.</summary>
public abstract partial class OrderStoreContract<TDatabase>
{
    [Fact]
    public async Task Every_status_change_is_in_the_history_in_sequence_and_a_refused_change_leaves_none()
    {
        var order = NewOrder() with { ReviewRequired = true };
        await Store.CreateAsync(order, CancellationToken.None);
        var other = NewOrder();
        await Store.CreateAsync(other, CancellationToken.None);

        var inReview = order.SendToReview();
        Assert.True(await Store.UpdateAsync(inReview, OrderStatus.Submitted, "demo-company", null, CancellationToken.None));
        Assert.False(await Store.UpdateAsync(order.Queue(Noon), OrderStatus.Submitted, "system", null, CancellationToken.None));
        var approved = inReview.Approve(Noon.AddMinutes(5), 2536m, "ok");
        Assert.True(await Store.UpdateAsync(approved, OrderStatus.InReview, "caseworker:cw", "ok", CancellationToken.None));

        var history = await Store.GetHistoryAsync(order.Id, CancellationToken.None);
        Assert.Equal(
            [(null, OrderStatus.Submitted, "demo-company"), (OrderStatus.Submitted, OrderStatus.InReview, "demo-company"), (OrderStatus.InReview, OrderStatus.Queued, "caseworker:cw")],
            history.Select(h => (h.From, h.To, h.Actor)));
        Assert.Equal(Noon, history[0].At);
        Assert.Equal("ok", history[2].Reason);
        var all = await Store.ListHistoryAfterAsync(0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => (long)i), all.Select(h => h.Sequence));
        Assert.Equal([order.Id, other.Id, order.Id, order.Id], all.Select(h => h.OrderId));
        Assert.Equal(all.Skip(2).Select(h => h.Sequence), (await Store.ListHistoryAfterAsync(2, 100, CancellationToken.None)).Select(h => h.Sequence));
        var stored = await Store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(approved, stored);
    }

    [Fact]
    public async Task Concurrent_changes_from_two_processes_get_consecutive_sequences_in_commit_order()
    {
        var other = await OpenSecondReadyStoreAsync();
        var orders = Enumerable.Range(0, 12).Select(_ => NewOrder()).ToArray();

        await Task.WhenAll(orders.Select((order, i) => (i % 2 == 0 ? Store : other).CreateAsync(order, CancellationToken.None)));
        var moved = await Task.WhenAll(orders.Select((order, i) => (i % 2 == 0 ? other : Store)
            .UpdateAsync(order.Queue(Noon.AddSeconds(i)), OrderStatus.Submitted, "worker", null, CancellationToken.None)));

        Assert.All(moved, Assert.True);
        var history = await Store.ListHistoryAfterAsync(0, 1_000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), history.Select(h => h.Sequence));
        foreach (var order in orders)
        {
            Assert.Equal(
                [(null, OrderStatus.Submitted), (OrderStatus.Submitted, OrderStatus.Queued)],
                (await other.GetHistoryAsync(order.Id, CancellationToken.None)).Select(h => (h.From, h.To)));
        }
    }
}
