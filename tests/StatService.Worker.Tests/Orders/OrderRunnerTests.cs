using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using StatService.Worker.Tests.TestDoubles;
using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Worker.Orders;
using StatService.Data.Storage;

namespace StatService.Worker.Tests.Orders;

/// <summary>What a run of an order's job does to the order, on a real store, for every way a run can go.</summary>
public sealed class OrderRunnerTests : IDisposable
{
    private readonly string _directory = TemporaryDirectory.Create();
    private readonly AdoOrderStore _store;
    private readonly FixedResultPipeline _pipeline = new();
    private readonly OrderRunner _runner;

    public OrderRunnerTests()
    {
        _store = new AdoOrderStore(new SqliteOrderDatabase(Path.Combine(_directory, SqliteOrderDatabase.FileName)));
        _runner = new OrderRunner(_store, _pipeline, TimeProvider.System, NullLogger<OrderRunner>.Instance);
    }

    [Fact]
    public async Task A_queued_order_is_delivered_with_its_result_and_extract_version()
    {
        var order = await StoreAsync(OrderStatus.Queued);

        await _runner.RunAsync(order.Id, CancellationToken.None);

        var delivered = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Delivered, delivered?.Status);
        Assert.NotNull(delivered?.StartedAt);
        Assert.NotNull(delivered?.DeliveredAt);
        Assert.Equal(FixedResultPipeline.ExtractVersion, delivered?.ExtractVersion);
        var result = await _store.GetResultAsync(order.Id, CancellationToken.None);
        Assert.Equal(FixedResultPipeline.JsonFor(order.Id), result?.Json);
        Assert.Equal(FixedResultPipeline.Csv, result?.Csv);
        var history = await _store.GetHistoryAsync(order.Id, CancellationToken.None);
        Assert.Equal(
            [(OrderStatus.Queued, OrderStatus.Running, OrderActors.Worker), (OrderStatus.Running, OrderStatus.Delivered, OrderActors.Worker)],
            history.Skip(1).Select(h => (h.From!.Value, h.To, h.Actor)));
    }

    [Fact]
    public async Task An_order_waiting_for_review_or_cancelled_is_not_run()
    {
        var inReview = (await StoreAsync(OrderStatus.Submitted)) with { ReviewRequired = true };
        await _store.UpdateAsync(inReview.SendToReview(), OrderStatus.Submitted, CancellationToken.None);
        var unapproved = await StoreAsync(OrderStatus.Submitted, reviewRequired: true);
        var cancelled = await StoreAsync(OrderStatus.Queued);
        await _store.UpdateAsync(cancelled.Cancel(DateTimeOffset.UtcNow), OrderStatus.Queued, CancellationToken.None);

        await _runner.RunAsync(inReview.Id, CancellationToken.None);
        await _runner.RunAsync(unapproved.Id, CancellationToken.None);
        await _runner.RunAsync(cancelled.Id, CancellationToken.None);

        Assert.Empty(_pipeline.Runs);
        Assert.Equal(OrderStatus.InReview, (await _store.GetAsync(inReview.Id, CancellationToken.None))?.Status);
        Assert.Equal(OrderStatus.Submitted, (await _store.GetAsync(unapproved.Id, CancellationToken.None))?.Status);
        Assert.Equal(OrderStatus.Cancelled, (await _store.GetAsync(cancelled.Id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task A_failure_is_recorded_in_the_history_with_its_reason()
    {
        var order = await StoreAsync(OrderStatus.Queued, FixedResultPipeline.RejectedProduct);

        await _runner.RunAsync(order.Id, CancellationToken.None);

        var last = (await _store.GetHistoryAsync(order.Id, CancellationToken.None))[^1];
        Assert.Equal((OrderStatus.Running, OrderStatus.Failed, OrderActors.Worker, FixedResultPipeline.RejectionMessage), (last.From!.Value, last.To, last.Actor, last.Reason));
    }

    [Fact]
    public async Task Running_an_order_twice_delivers_it_once()
    {
        var order = await StoreAsync(OrderStatus.Queued);

        await _runner.RunAsync(order.Id, CancellationToken.None);
        var first = await _store.GetAsync(order.Id, CancellationToken.None);
        await _runner.RunAsync(order.Id, CancellationToken.None);

        Assert.Equal(1, _pipeline.Runs[order.Id]);
        Assert.Equal(first, await _store.GetAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_order_left_running_by_a_crash_is_run_again_and_keeps_its_first_result()
    {
        var order = await StoreAsync(OrderStatus.Running);
        // The crashed run had stored its result but not yet recorded the delivery.
        var earlier = new OrderResult(order.Id, """{"from":"the crashed run"}""", "from\ncrashed\n", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await _store.SaveResultAsync(earlier, CancellationToken.None);

        await _runner.RunAsync(order.Id, CancellationToken.None);

        Assert.Equal(OrderStatus.Delivered, (await _store.GetAsync(order.Id, CancellationToken.None))?.Status);
        Assert.Equal(earlier, await _store.GetResultAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_order_whose_job_fired_before_it_was_queued_is_still_delivered()
    {
        var order = await StoreAsync(OrderStatus.Submitted);

        await _runner.RunAsync(order.Id, CancellationToken.None);

        var delivered = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Delivered, delivered?.Status);
        Assert.NotNull(delivered?.QueuedAt);
    }

    [Fact]
    public async Task A_crashing_pipeline_fails_the_order_with_a_reason_that_reveals_nothing()
    {
        var order = await StoreAsync(OrderStatus.Queued, FixedResultPipeline.CrashingProduct);

        await _runner.RunAsync(order.Id, CancellationToken.None);

        var failed = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Failed, failed?.Status);
        Assert.Equal(OrderRunner.InternalErrorReason, failed?.FailureReason);
        Assert.NotNull(failed?.FailedAt);
        Assert.Null(await _store.GetResultAsync(order.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_rejected_order_fails_with_the_rejection_as_its_reason()
    {
        var order = await StoreAsync(OrderStatus.Queued, FixedResultPipeline.RejectedProduct);

        await _runner.RunAsync(order.Id, CancellationToken.None);

        var failed = await _store.GetAsync(order.Id, CancellationToken.None);
        Assert.Equal(OrderStatus.Failed, failed?.Status);
        Assert.Equal(FixedResultPipeline.RejectionMessage, failed?.FailureReason);
    }

    [Fact]
    public async Task A_failed_order_is_not_run_again()
    {
        var order = await StoreAsync(OrderStatus.Queued, FixedResultPipeline.CrashingProduct);
        await _runner.RunAsync(order.Id, CancellationToken.None);

        await _runner.RunAsync(order.Id, CancellationToken.None);

        Assert.Equal(1, _pipeline.Runs[order.Id]);
    }

    [Fact]
    public async Task A_run_stopped_by_shutdown_leaves_the_order_running_for_recovery()
    {
        var order = await StoreAsync(OrderStatus.Queued, FixedResultPipeline.HeldProduct);
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _runner.RunAsync(order.Id, shutdown.Token));

        Assert.Equal(OrderStatus.Running, (await _store.GetAsync(order.Id, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task An_unknown_order_is_ignored()
    {
        await _runner.RunAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Empty(_pipeline.Runs);
    }

    private async Task<Order> StoreAsync(OrderStatus status, string product = FixedResultPipeline.Product, bool reviewRequired = false)
    {
        var submitted = new Order
        {
            Id = Guid.NewGuid(),
            Product = product,
            ParametersJson = "{}",
            RequesterId = "demo-company",
            SubmittedAt = DateTimeOffset.UtcNow,
            ReviewRequired = reviewRequired,
        };
        var order = status switch
        {
            OrderStatus.Submitted => submitted,
            OrderStatus.Queued => submitted.Queue(DateTimeOffset.UtcNow),
            OrderStatus.Running => submitted.Queue(DateTimeOffset.UtcNow).Start(DateTimeOffset.UtcNow),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        await _store.CreateAsync(order, CancellationToken.None);
        return order;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
    }
}
