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

    [Fact]
    public async Task Every_status_change_is_in_the_history_in_sequence_and_a_refused_change_leaves_none()
    {
        var order = NewOrder() with { ReviewRequired = true };
        await _store.CreateAsync(order, CancellationToken.None);
        var other = NewOrder();
        await _store.CreateAsync(other, CancellationToken.None);

        var inReview = order.SendToReview();
        Assert.True(await _store.UpdateAsync(inReview, OrderStatus.Submitted, "demo-company", null, CancellationToken.None));
        Assert.False(await _store.UpdateAsync(order.Queue(Noon), OrderStatus.Submitted, "system", null, CancellationToken.None));
        var approved = inReview.Approve(Noon.AddMinutes(5), 2536m, "ok");
        Assert.True(await _store.UpdateAsync(approved, OrderStatus.InReview, "caseworker:cw", "ok", CancellationToken.None));

        var history = await _store.GetHistoryAsync(order.Id, CancellationToken.None);
        Assert.Equal(
            [(null, OrderStatus.Submitted, "demo-company"), (OrderStatus.Submitted, OrderStatus.InReview, "demo-company"), (OrderStatus.InReview, OrderStatus.Queued, "caseworker:cw")],
            history.Select(h => (h.From, h.To, h.Actor)));
        Assert.Equal(Noon, history[0].At);
        Assert.Equal("ok", history[2].Reason);
        var all = await _store.ListHistoryAfterAsync(0, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => (long)i), all.Select(h => h.Sequence));
        Assert.Equal([order.Id, other.Id, order.Id, order.Id], all.Select(h => h.OrderId));
        Assert.Equal(all.Skip(2).Select(h => h.Sequence), (await _store.ListHistoryAfterAsync(2, 100, CancellationToken.None)).Select(h => h.Sequence));
        var stored = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(approved, stored);
    }

    [Fact]
    public async Task Concurrent_changes_of_many_orders_get_distinct_consecutive_sequences()
    {
        var orders = Enumerable.Range(0, 12).Select(_ => NewOrder()).ToArray();
        var other = new SqliteOrderStore(_store.DatabasePath);

        await Task.WhenAll(orders.Select((order, i) => (i % 2 == 0 ? _store : other).CreateAsync(order, CancellationToken.None)));
        await Task.WhenAll(orders.Select((order, i) => (i % 2 == 0 ? other : _store)
            .UpdateAsync(order.Queue(Noon), OrderStatus.Submitted, CancellationToken.None)));

        var sequences = (await _store.ListHistoryAfterAsync(0, 1000, CancellationToken.None)).Select(h => h.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task An_order_with_every_field_reads_back_as_it_was_written()
    {
        var order = NewOrder() with
        {
            RequesterKind = RequesterKind.PatientAssociation,
            Purpose = "Medlemsblad: hvor mange af os bor i hver region?",
            ContactName = "Karen Lund",
            ContactEmail = "karen@forening.example",
            ContactOrganisation = "Foreningen",
            CallbackUrl = "https://hooks.example/statservice",
            Channel = OrderChannel.Form,
            Language = "da",
            StatusTokenHash = new string('A', 64),
            ReviewRequired = true,
            EstimatedCells = 198,
            Status = OrderStatus.Cancelled,
            PriceQuoteDkk = 2896.25m,
            ReviewNote = "note",
            RejectionReason = null,
            ApprovedAt = Noon.AddMinutes(1),
            CancelledAt = Noon.AddMinutes(2),
        };

        await _store.CreateAsync(order, CancellationToken.None);

        Assert.Equal(order, await _store.GetAsync(order.Id, CancellationToken.None));
        Assert.Equal(order, await _store.GetByStatusTokenHashAsync(order.StatusTokenHash!, CancellationToken.None));
        Assert.Null(await _store.GetByStatusTokenHashAsync(new string('B', 64), CancellationToken.None));
    }

    [Fact]
    public async Task An_idempotency_key_stores_one_order_and_tells_a_different_body_apart()
    {
        var first = NewOrder();
        var retry = NewOrder();
        var key = new IdempotencyKey("k", "HASH-1");

        var created = await _store.CreateOnceAsync(first, key, CancellationToken.None);
        var replayed = await _store.CreateOnceAsync(retry, key, CancellationToken.None);
        var changed = await _store.CreateOnceAsync(NewOrder(), key with { BodyHash = "HASH-2" }, CancellationToken.None);
        var otherRequester = await _store.CreateOnceAsync(NewOrder() with { RequesterId = "demo-journalist" }, key, CancellationToken.None);

        Assert.True(created.Created);
        Assert.Equal((false, true, first.Id), (replayed.Created, replayed.SameBody, replayed.Order.Id));
        Assert.Equal((false, false, first.Id), (changed.Created, changed.SameBody, changed.Order.Id));
        Assert.True(otherRequester.Created);
        Assert.Null(await _store.GetAsync(retry.Id, CancellationToken.None));
        Assert.Empty(await _store.GetHistoryAsync(retry.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Requesters_are_stored_with_their_key_hash_and_revoked_once()
    {
        var keys = new RequesterKeys(_store, TimeProvider.System);
        var issued = await keys.IssueAsync(" Novo Trial Unit ", RequesterKind.Company, CancellationToken.None);

        Assert.Equal("Novo Trial Unit", issued.Requester.Name);
        Assert.Equal(issued.Requester, await keys.FindAsync(issued.ApiKey, CancellationToken.None));
        Assert.Null(await keys.FindAsync(issued.ApiKey + "x", CancellationToken.None));
        Assert.Null(await keys.FindAsync("ssk_" + issued.Requester.Id, CancellationToken.None));
        Assert.Equal([issued.Requester], await keys.ListAsync(CancellationToken.None));

        Assert.True(await keys.RevokeAsync(issued.Requester.Id, CancellationToken.None));
        var revokedAt = (await keys.ListAsync(CancellationToken.None))[0].RevokedAt;
        Assert.True(await keys.RevokeAsync(issued.Requester.Id, CancellationToken.None));

        Assert.Null(await keys.FindAsync(issued.ApiKey, CancellationToken.None));
        Assert.NotNull(revokedAt);
        Assert.Equal(revokedAt, (await keys.ListAsync(CancellationToken.None))[0].RevokedAt);
        Assert.False(await keys.RevokeAsync("r-unknown", CancellationToken.None));
    }

    [Fact]
    public async Task A_database_from_before_the_history_gets_one_entry_per_order()
    {
        var path = Path.Combine(_directory, "v1.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE order_store_migrations (version BIGINT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL);
                INSERT INTO order_store_migrations VALUES (1, 0);
                CREATE TABLE orders (id TEXT NOT NULL PRIMARY KEY, product TEXT NOT NULL, parameters_json TEXT NOT NULL,
                    requester_id TEXT NOT NULL, status TEXT NOT NULL, submitted_at BIGINT NOT NULL, queued_at BIGINT NULL,
                    started_at BIGINT NULL, delivered_at BIGINT NULL, failed_at BIGINT NULL, failure_reason TEXT NULL, extract_version TEXT NULL);
                CREATE TABLE order_results (order_id TEXT NOT NULL PRIMARY KEY REFERENCES orders (id), json TEXT NOT NULL, csv TEXT NOT NULL, created_at BIGINT NOT NULL);
                INSERT INTO orders (id, product, parameters_json, requester_id, status, submitted_at)
                VALUES ('00000000-0000-0000-0000-000000000001', 'patient-count', '{}', 'demo-company', 'delivered', 1000),
                       ('00000000-0000-0000-0000-000000000002', 'patient-count', '{}', 'demo-company', 'queued', 2000);
                """;
            command.ExecuteNonQuery();
        }

        var store = new SqliteOrderStore(path);
        var history = await store.ListHistoryAfterAsync(0, 10, CancellationToken.None);
        var next = NewOrder();
        await store.CreateAsync(next, CancellationToken.None);

        Assert.Equal([(1L, OrderStatus.Delivered), (2L, OrderStatus.Queued)], history.Select(h => (h.Sequence, h.To)));
        Assert.Equal(OrderChannel.Api, (await store.GetAsync(Guid.Parse("00000000-0000-0000-0000-000000000001"), CancellationToken.None))?.Channel);
        Assert.Equal(3, Assert.Single(await store.GetHistoryAsync(next.Id, CancellationToken.None)).Sequence);
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
