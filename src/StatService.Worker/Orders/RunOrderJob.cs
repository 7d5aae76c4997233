using Microsoft.Extensions.Logging;
using Quartz;

namespace StatService.Worker.Orders;

/// <summary>
/// The Quartz job that runs one order; its key is the order id, so an order has at most one job.
/// Quartz stores this type's name with every job: keep the class where it is, or stored jobs stop resolving.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class RunOrderJob(OrderRunner runner, ILogger<RunOrderJob> logger) : IJob
{
    public const string Group = "orders";

    /// <summary>The job data entry holding the order id (a string, as every job data value here).</summary>
    public const string OrderIdKey = "orderId";

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

        await runner.RunAsync(orderId, cancellationToken);
    }

    [LoggerMessage(LogLevel.Error, "Job {JobKey} carries no order id; nothing to run.")]
    private partial void LogMissingOrderId(string jobKey);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} is run again after an interrupted run.")]
    private partial void LogRecovering(Guid orderId);
}
