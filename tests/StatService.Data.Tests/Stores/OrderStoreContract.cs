using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using StatService.Core.Orders;
using StatService.Data.Orders;

namespace StatService.Data.Tests.Stores;

/// <summary>
/// What every order store provider must do, run against each real database (<see cref="SqliteOrderStoreContractTests"/>,
/// <see cref="PostgresOrderStoreContractTests"/>): the same portable SQL has to behave the same on both.
/// Each test has a fresh, empty database. The history and workflow parts are in the other OrderStoreContract.*.cs files.
/// </summary>
public abstract partial class OrderStoreContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : IStoreDatabase, new()
{
    private static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_order_reads_back_as_it_was_written()
    {
        var order = NewOrder() with
        {
            Status = OrderStatus.Failed,
            QueuedAt = Noon.AddSeconds(1),
            StartedAt = Noon.AddSeconds(2),
            FailedAt = Noon.AddMilliseconds(3_456),
            FailureReason = "Udtrækket findes ikke længere (æøå).",
            ExtractVersion = "2025-03",
        };

        await Store.CreateAsync(order, CancellationToken.None);

        Assert.Equal(order, await Store.GetAsync(order.Id, CancellationToken.None));
        Assert.Null(await Store.GetAsync(Guid.NewGuid(), CancellationToken.None));
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

        await Store.CreateAsync(order, CancellationToken.None);

        Assert.Equal(order, await Store.GetAsync(order.Id, CancellationToken.None));
        Assert.Equal(order, await Store.GetByStatusTokenHashAsync(order.StatusTokenHash!, CancellationToken.None));
        Assert.Null(await Store.GetByStatusTokenHashAsync(new string('B', 64), CancellationToken.None));
    }

    [Fact]
    public async Task An_update_applies_only_while_the_order_has_the_expected_status()
    {
        var order = NewOrder();
        await Store.CreateAsync(order, CancellationToken.None);

        var first = await Store.UpdateAsync(order.Queue(Noon.AddSeconds(1)), OrderStatus.Submitted, CancellationToken.None);
        var second = await Store.UpdateAsync(order.Queue(Noon.AddSeconds(2)), OrderStatus.Submitted, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        var stored = await Store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Queued, stored?.Status);
        Assert.Equal(Noon.AddSeconds(1), stored?.QueuedAt);
    }

    [Fact]
    public async Task Of_two_processes_starting_one_order_only_one_succeeds()
    {
        var order = NewOrder().Queue(Noon);
        await Store.CreateAsync(order, CancellationToken.None);
        var other = OpenOrders();

        var attempts = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? Store : other)
                .UpdateAsync(order.Start(Noon.AddSeconds(i)), OrderStatus.Queued, CancellationToken.None)));

        Assert.Equal(1, attempts.Count(succeeded => succeeded));
        Assert.Equal(OrderStatus.Running, (await other.GetAsync(order.Id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task An_update_outside_the_life_cycle_is_refused()
    {
        var order = NewOrder();
        await Store.CreateAsync(order, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.UpdateAsync(order with { Status = OrderStatus.Delivered }, OrderStatus.Submitted, CancellationToken.None));
        Assert.Equal(OrderStatus.Submitted, (await Store.GetAsync(order.Id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task Results_saved_at_once_by_two_processes_keep_one_and_both_see_it()
    {
        var order = NewOrder();
        await Store.CreateAsync(order, CancellationToken.None);
        var other = OpenOrders();
        var first = new OrderResult(order.Id, """{"run":1}""", "run\n1\n", Noon);
        var second = new OrderResult(order.Id, """{"run":2}""", "run\n2\n", Noon.AddMinutes(1));

        var saved = await Task.WhenAll(Store.SaveResultAsync(first, CancellationToken.None), other.SaveResultAsync(second, CancellationToken.None));

        Assert.Equal(saved[0], saved[1]);
        Assert.Contains(saved[0], new[] { first, second });
        Assert.Equal(saved[0], await Store.GetResultAsync(order.Id, CancellationToken.None));
        Assert.Equal(saved[0], await Store.SaveResultAsync(second with { Json = """{"run":3}""" }, CancellationToken.None));
    }

    [Fact]
    public async Task Saving_a_result_twice_keeps_the_first()
    {
        var order = NewOrder();
        await Store.CreateAsync(order, CancellationToken.None);
        var first = new OrderResult(order.Id, """{"run":1}""", "run\n1\n", Noon);
        var second = new OrderResult(order.Id, """{"run":2}""", "run\n2\n", Noon.AddMinutes(1));

        var savedFirst = await Store.SaveResultAsync(first, CancellationToken.None);
        var savedSecond = await Store.SaveResultAsync(second, CancellationToken.None);

        Assert.Equal(first, savedFirst);
        Assert.Equal(first, savedSecond);
        Assert.Equal(first, await Store.GetResultAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_result_with_danish_text_reads_back_unchanged()
    {
        var order = NewOrder();
        await Store.CreateAsync(order, CancellationToken.None);
        var csv = new StringBuilder("region,label,value\n");
        for (var row = 0; row < 5_000; row++)
        {
            csv.Append(1081 + (row % 5)).Append(",Region Sjælland – Næstved Ø,").Append(row).Append('\n');
        }

        var result = new OrderResult(order.Id, """{"label":"Kræft i æggestokkene","note":"\"quoted\" \\ backslash"}""", csv.ToString(), Noon);
        await Store.SaveResultAsync(result, CancellationToken.None);

        Assert.Equal(result, await OpenOrders().GetResultAsync(order.Id, CancellationToken.None));
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
            await Store.CreateAsync(order, CancellationToken.None);
        }

        var listed = await Store.ListByStatusAsync(OrderStatus.Submitted, 2, CancellationToken.None);

        Assert.Equal([oldest.Id, middle.Id], listed.Select(o => o.Id));
        Assert.Equal([queued.Id], (await Store.ListByStatusAsync(OrderStatus.Queued, 10, CancellationToken.None)).Select(o => o.Id));
    }

    [Fact]
    public async Task A_second_store_on_the_database_sees_the_first_ones_orders()
    {
        var order = NewOrder();
        await Store.CreateAsync(order, CancellationToken.None);

        Assert.Equal(order, await OpenOrders().GetAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Stores_starting_at_once_on_an_empty_database_all_become_ready()
    {
        // Processes of a scaled-out deployment start together on a fresh database and race to create its tables.
        var databases = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        await Task.WhenAll(databases.Select(database => OrderStoreStartup.WaitUntilReadyAsync(
            database, TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger.Instance, CancellationToken.None)));

        var orders = databases.Select(_ => NewOrder()).ToList();
        await Task.WhenAll(databases.Zip(orders, (database, order) => new AdoOrderStore(database).CreateAsync(order, CancellationToken.None)));
        foreach (var order in orders)
        {
            Assert.Equal(order, await Store.GetAsync(order.Id, CancellationToken.None));
        }
    }

    /// <summary>
    /// A second store, both migrated as the service's start leaves them before it takes work, so that concurrent
    /// tests race on orders rather than on creating the tables (that race has its own test).
    /// </summary>
    private async Task<AdoOrderStore> OpenSecondReadyStoreAsync()
    {
        await Database.CanConnectAsync(CancellationToken.None);
        var other = Open();
        await other.CanConnectAsync(CancellationToken.None);
        return new AdoOrderStore(other);
    }

    private static Order NewOrder() => new()
    {
        Id = Guid.NewGuid(),
        Product = "patient-count",
        ParametersJson = """{"diagnoses":{"include":["DE11"]},"note":"sukkersyge"}""",
        RequesterId = "demo-company",
        SubmittedAt = Noon,
    };
}
