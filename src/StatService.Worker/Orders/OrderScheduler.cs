using Microsoft.Extensions.Logging;
using Quartz;

namespace StatService.Worker.Orders;

/// <summary>Puts an order's run into the persistent Quartz store; asking twice for one order schedules it once.</summary>
public sealed partial class OrderScheduler(ISchedulerFactory schedulers, ILogger<OrderScheduler> logger)
{
    /// <summary>How late an order's run may start before Quartz calls it misfired: longer than any queue.</summary>
    public static readonly TimeSpan QueueMisfireThreshold = TimeSpan.FromDays(30);

    /// <summary>Schedules a run of the order now. An order whose job already exists keeps that job.</summary>
    public async Task ScheduleRunAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var job = JobBuilder.Create<RunOrderJob>()
            .WithIdentity(RunOrderJob.KeyFor(orderId))
            .UsingJobData(RunOrderJob.OrderIdKey, orderId.ToString())
            // Run again after a crash mid-run; RunOrderJob is idempotent.
            .RequestRecovery()
            // Gone once its one trigger has fired, so a later request for the order can schedule it again.
            .StoreDurably(false)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(RunOrderJob.TriggerKeyFor(orderId))
            .ForJob(job)
            .StartNow()
            // A queued order is late, never misfired: behind busy workers or a restart it is taken in queue order as soon
            // as a worker is free, not left for the store's periodic misfire pass.
            .WithMisfireThreshold(QueueMisfireThreshold)
            .Build();

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            LogAlreadyScheduled(orderId);
        }
    }

    /// <summary>Whether the order has a job in the store (waiting, running, or handed back for recovery).</summary>
    public async Task<bool> IsScheduledAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.Exists(RunOrderJob.KeyFor(orderId), cancellationToken);
    }

    [LoggerMessage(LogLevel.Debug, "Order {OrderId} already has a scheduled run.")]
    private partial void LogAlreadyScheduled(Guid orderId);
}
