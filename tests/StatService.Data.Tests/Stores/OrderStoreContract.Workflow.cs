using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Data.Requesters;

namespace StatService.Data.Tests.Stores;

/// <summary>The order store contract's workflow features: idempotency keys, requesters, listing, queue positions, status tokens.</summary>
public abstract partial class OrderStoreContract<TDatabase>
{
    [Fact]
    public async Task An_idempotency_key_stores_one_order_and_tells_a_different_body_apart()
    {
        var first = NewOrder();
        var retry = NewOrder();
        var key = new IdempotencyKey("k", "HASH-1");

        var created = await Store.CreateOnceAsync(first, key, CancellationToken.None);
        var replayed = await Store.CreateOnceAsync(retry, key, CancellationToken.None);
        var changed = await Store.CreateOnceAsync(NewOrder(), key with { BodyHash = "HASH-2" }, CancellationToken.None);
        var otherRequester = await Store.CreateOnceAsync(NewOrder() with { RequesterId = "demo-journalist" }, key, CancellationToken.None);

        Assert.True(created.Created);
        Assert.Equal((false, true, first.Id), (replayed.Created, replayed.SameBody, replayed.Order.Id));
        Assert.Equal((false, false, first.Id), (changed.Created, changed.SameBody, changed.Order.Id));
        Assert.True(otherRequester.Created);
        Assert.Null(await Store.GetAsync(retry.Id, CancellationToken.None));
        Assert.Empty(await Store.GetHistoryAsync(retry.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_store_one_order()
    {
        var other = await OpenSecondReadyStoreAsync();
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
    public async Task Requesters_keep_only_a_key_hash_that_a_second_process_verifies_and_revokes_once()
    {
        var keys = new RequesterKeys(Requesters, TimeProvider.System);
        var issued = await keys.IssueAsync(" Novo Trial Unit ", RequesterKind.Company, CancellationToken.None);
        var elsewhere = new RequesterKeys(new AdoRequesterStore(Open()), TimeProvider.System);

        Assert.Equal("Novo Trial Unit", issued.Requester.Name);
        Assert.Equal(issued.Requester, await keys.FindAsync(issued.ApiKey, CancellationToken.None));
        Assert.Equal(issued.Requester, await elsewhere.FindAsync(issued.ApiKey, CancellationToken.None));
        Assert.Null(await keys.FindAsync(issued.ApiKey + "x", CancellationToken.None));
        Assert.Null(await keys.FindAsync("ssk_" + issued.Requester.Id, CancellationToken.None));
        Assert.Equal([issued.Requester], await keys.ListAsync(CancellationToken.None));

        Assert.True(await elsewhere.RevokeAsync(issued.Requester.Id, CancellationToken.None));
        var revokedAt = (await keys.ListAsync(CancellationToken.None))[0].RevokedAt;
        Assert.True(await keys.RevokeAsync(issued.Requester.Id, CancellationToken.None));

        Assert.Null(await keys.FindAsync(issued.ApiKey, CancellationToken.None));
        Assert.Null(await new RequesterKeys(Requesters, TimeProvider.System).FindAsync(issued.ApiKey, CancellationToken.None));
        Assert.NotNull(revokedAt);
        Assert.Equal(revokedAt, (await keys.ListAsync(CancellationToken.None))[0].RevokedAt);
        Assert.False(await keys.RevokeAsync("r-unknown", CancellationToken.None));
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
        Assert.Equal([recent.Id, old.Id], (await Store.ListAsync("demo-company", OrderStatus.Submitted, 10, CancellationToken.None)).Select(o => o.Id));
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
    public async Task An_order_changed_through_review_reads_back_by_its_status_token_in_a_second_process()
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

        Assert.Equal(approved, await OpenOrders().GetByStatusTokenHashAsync(order.StatusTokenHash, CancellationToken.None));
    }
}
