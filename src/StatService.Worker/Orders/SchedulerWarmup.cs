using Quartz;

namespace StatService.Worker.Orders;

/// <summary>
/// Fires one job that does nothing through the persistent job store at start, so the first order does not pay for
/// Quartz's first fired trigger (scheduling, acquiring, firing and completing compiled and run for the first time:
/// about half a second on two cores). The job is neither durable nor recoverable: once run, nothing of it is left.
/// </summary>
public sealed class SchedulerWarmup(ISchedulerFactory schedulers)
{
    public const string Group = "warm-up";

    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>Schedules the job and waits (at most ten seconds) until it has run.</summary>
    public async Task FireOnceAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<NothingJob>().WithIdentity(Guid.NewGuid().ToString(), Group).StoreDurably(false).Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().ForJob(job).StartNow().Build(), cancellationToken: cancellationToken);
        for (var waited = TimeSpan.Zero; waited < MaxWait && await scheduler.Exists(job.Key, cancellationToken); waited += TimeSpan.FromMilliseconds(50))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The warm-up's job. Quartz stores this type's name with the job: keep the class where it is.</summary>
    public sealed class NothingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
