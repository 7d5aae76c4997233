using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StatService.Core.Orders;
using StatService.Core.Telemetry;
using StatService.Data.Storage;
using StatService.Worker.Pipeline;

namespace StatService.Worker.Orders;

/// <summary>
/// Takes one order from Queued to Delivered or Failed, each step recorded in its history by the worker. Safe to run again for the same order at any point
/// (a recovered job, a sweep): a finished order is left alone and the first stored result wins.
/// </summary>
public sealed partial class OrderRunner(IOrderStore store, IOrderPipeline pipeline, TimeProvider time, ILogger<OrderRunner> logger)
{
    /// <summary>What a requester reads when the failure is ours; the details are in the log, keyed by order id.</summary>
    public const string InternalErrorReason =
        "The order could not be produced because of an internal error. It has been logged; please quote the order id if you contact us.";

    public async Task RunAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("order.run");
        activity?.SetTag("statservice.order.id", orderId.ToString());

        var order = await store.GetAsync(orderId, cancellationToken);
        if (order is null)
        {
            LogUnknownOrder(orderId);
            return;
        }

        activity?.SetTag("statservice.product", order.Product);
        var running = await StartAsync(order, cancellationToken);
        if (running is null)
        {
            LogAlreadyFinished(orderId);
            return;
        }

        OrderDelivery delivery;
        try
        {
            delivery = await pipeline.RunAsync(running, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the order stays Running and its job is handed back for recovery (or swept).
            LogInterrupted(orderId);
            throw;
        }
        catch (OrderRejectedException rejected)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "rejected");
            await FailAsync(running, rejected.Message, "rejected", cancellationToken);
            return;
        }
        catch (Exception exception) when (!StorageFaults.IsUnavailable(exception))
        {
            // A store that is down is not the order's fault: that escapes to the job, which runs the order again
            // once the store is back. Anything else may quote data; it goes to the log only, never to the requester.
            activity?.SetStatus(ActivityStatusCode.Error, "error");
            LogPipelineFailed(exception, orderId);
            await FailAsync(running, InternalErrorReason, "error", cancellationToken);
            return;
        }

        // A release checked against the ledger was stored with its record already (the first result, on a re-run).
        if (!delivery.Stored)
        {
            await store.SaveResultAsync(new OrderResult(orderId, delivery.Json, delivery.Csv, time.GetUtcNow()), cancellationToken);
        }

        var delivered = running.Deliver(time.GetUtcNow(), delivery.ExtractVersion);
        var note = delivery.NarrowedByLedger ? ReleaseLedgerCheck.NarrowedNote : null;
        if (await store.UpdateAsync(delivered, OrderStatus.Running, OrderActors.Worker, note, cancellationToken))
        {
            var tag = new KeyValuePair<string, object?>("product", delivered.Product);
            StatServiceTelemetry.OrdersDelivered.Add(1, tag);
            StatServiceTelemetry.OrderDuration.Record(
                (delivered.DeliveredAt!.Value - delivered.SubmittedAt).TotalMilliseconds, tag, new("outcome", "delivered"));
            LogDelivered(orderId, delivery.ExtractVersion);
        }
    }

    /// <summary>Moves the order to Running, or returns null when it has already finished.</summary>
    private async Task<Order?> StartAsync(Order order, CancellationToken cancellationToken)
    {
        // Each pass moves the order one step forward or re-reads it, so a few passes always settle it.
        for (var pass = 0; pass < 4; pass++)
        {
            switch (order.Status)
            {
                case OrderStatus.Submitted when !order.ReviewRequired:
                    // The job fired before the API (or a sweep) recorded the order as queued.
                    var queued = order.Queue(time.GetUtcNow());
                    order = await store.UpdateAsync(queued, OrderStatus.Submitted, OrderActors.System, null, cancellationToken)
                        ? queued
                        : await ReloadAsync(order, cancellationToken);
                    break;
                case OrderStatus.Queued:
                    var running = order.Start(time.GetUtcNow());
                    if (await store.UpdateAsync(running, OrderStatus.Queued, OrderActors.Worker, null, cancellationToken))
                    {
                        return running;
                    }

                    order = await ReloadAsync(order, cancellationToken);
                    break;
                case OrderStatus.Running:
                    // A run that was interrupted (crash, shutdown): start it again.
                    LogResuming(order.Id);
                    return order;
                default:
                    // Finished, cancelled, rejected, or waiting for a caseworker: nothing to run.
                    return null;
            }
        }

        throw new InvalidOperationException($"Order {order.Id} did not settle in status {order.Status}.");
    }

    private async Task<Order> ReloadAsync(Order order, CancellationToken cancellationToken) =>
        await store.GetAsync(order.Id, cancellationToken)
        ?? throw new InvalidOperationException($"Order {order.Id} disappeared while it was being started.");

    private async Task FailAsync(Order running, string reason, string category, CancellationToken cancellationToken)
    {
        var failed = running.Fail(time.GetUtcNow(), reason);
        if (await store.UpdateAsync(failed, OrderStatus.Running, OrderActors.Worker, reason, cancellationToken))
        {
            var tag = new KeyValuePair<string, object?>("product", failed.Product);
            StatServiceTelemetry.OrdersFailed.Add(1, tag, new("reason", category));
            StatServiceTelemetry.OrderDuration.Record(
                (failed.FailedAt!.Value - failed.SubmittedAt).TotalMilliseconds, tag, new("outcome", "failed"));
            LogFailed(failed.Id, category);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} does not exist; its job has nothing to do.")]
    private partial void LogUnknownOrder(Guid orderId);

    [LoggerMessage(LogLevel.Debug, "Order {OrderId} has already finished; nothing to do.")]
    private partial void LogAlreadyFinished(Guid orderId);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} was already running; running it again.")]
    private partial void LogResuming(Guid orderId);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} was interrupted by shutdown; it will run again.")]
    private partial void LogInterrupted(Guid orderId);

    [LoggerMessage(LogLevel.Error, "Order {OrderId} failed in the pipeline.")]
    private partial void LogPipelineFailed(Exception exception, Guid orderId);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} delivered from extract {ExtractVersion}.")]
    private partial void LogDelivered(Guid orderId, string extractVersion);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} failed ({Category}).")]
    private partial void LogFailed(Guid orderId, string category);
}
