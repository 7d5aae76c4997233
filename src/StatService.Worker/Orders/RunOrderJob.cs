using Microsoft.Extensions.Logging;
using Quartz;
using StatService.Data.Storage;

namespace StatService.Worker.Orders;

/// <summary>
/// The Quartz job that runs one order; its key is the order id, so an order has at most one job.
/// Quartz stores this type's name with every job: keep the class where it is, or stored jobs stop resolving.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RunOrderJob(OrderRunner runner, TimeProvider time, ILogger<RunOrderJob> logger) : IJob
{
    public const string Group = "orders";

    /// <summary>The job data entry holding the order id (a string, as every job data value here).</summary>
    public const string OrderIdKey = "orderId";

    /// <summary>The longest wait between two tries while the order store is unavailable.</summary>
    public static readonly TimeSpan MaxStoreRetryDelay = TimeSpan.FromSeconds(30);

    public static JobKey KeyFor(Guid orderId) => new(orderId.ToString(), Group);

    public static TriggerKey TriggerKeyFor(Guid orderId) => new(orderId.ToString(), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!context.MergedJobDataMap.TryGetString(OrderIdKey, out var text) || !Guid.TryParse(text, out var orderId))
        {
            LogMissingOrderId(context.JobDetail.Key.ToString());
            return;
        }

        if (context.Recovering)
        {
            LogRecovering(orderId);
        }

        // A job that ended on a store outage would leave its order Queued or Running with no job until a sweep; the
        // run is idempotent, so the job itself tries again (1 s, 2 s, 4 s ... 30 s) until the store answers or the
        // worker stops (then Quartz hands the job back for recovery).
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await runner.RunAsync(orderId, cancellationToken);
                return;
            }
            catch (Exception exception) when (StorageFaults.IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
            {
                LogStoreUnavailable(exception, orderId, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxStoreRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Job {JobKey} carries no order id; nothing to run.")]
    private partial void LogMissingOrderId(string jobKey);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} is run again after an interrupted run.")]
    private partial void LogRecovering(Guid orderId);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} met an unavailable order store; it runs again in {Delay}.")]
    private partial void LogStoreUnavailable(Exception exception, Guid orderId, TimeSpan delay);
}
