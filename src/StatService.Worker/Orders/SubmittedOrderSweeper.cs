using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatService.Core.Orders;

namespace StatService.Worker.Orders;

/// <summary>
/// Keeps orders from being lost between the order store and the Quartz store, which cannot commit together.
/// At start and every <see cref="WorkerOptions.SweepInterval"/> it moves orders still Submitted (the API
/// stopped between storing and scheduling) on: to InReview when a caseworker must approve them, else scheduled and Queued; and re-schedules Queued or Running
/// orders whose job has vanished (a job ended by an error, a lost Quartz database).
/// </summary>
public sealed partial class SubmittedOrderSweeper(
    IOrderStore store,
    OrderScheduler scheduler,
    OrderPlacement placement,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<SubmittedOrderSweeper> logger) : BackgroundService
{
    private static readonly OrderStatus[] Unfinished = [OrderStatus.Queued, OrderStatus.Running];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The next sweep tries again; one failure must not stop the sweeper.
                LogSweepFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep; returns how many orders it scheduled.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.SweepBatchSize;
        var scheduled = 0;

        foreach (var order in await store.ListByStatusAsync(OrderStatus.Submitted, batch, cancellationToken))
        {
            // Not moved when the job (or the API) moved it first; either way it is on its way.
            var (target, _) = await placement.MoveOnAsync(order, OrderActors.System, cancellationToken);
            if (target == OrderStatus.InReview)
            {
                // Not to run yet: it waits for a caseworker.
                LogSentToReview(order.Id);
                continue;
            }

            LogScheduledSubmitted(order.Id);
            scheduled++;
        }

        foreach (var status in Unfinished)
        {
            foreach (var order in await store.ListByStatusAsync(status, batch, cancellationToken))
            {
                if (await scheduler.IsScheduledAsync(order.Id, cancellationToken))
                {
                    continue;
                }

                // A run that finished in between finds the order done and returns, so a spare run is harmless.
                await scheduler.ScheduleRunAsync(order.Id, cancellationToken);
                LogRescheduled(order.Id, status);
                scheduled++;
            }
        }

        return scheduled;
    }

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} was still submitted; sent it to review.")]
    private partial void LogSentToReview(Guid orderId);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} was still submitted; scheduled its run.")]
    private partial void LogScheduledSubmitted(Guid orderId);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} was {Status} without a scheduled run; scheduled it again.")]
    private partial void LogRescheduled(Guid orderId, OrderStatus status);

    [LoggerMessage(LogLevel.Error, "Sweeping for unscheduled orders failed.")]
    private partial void LogSweepFailed(Exception exception);
}
