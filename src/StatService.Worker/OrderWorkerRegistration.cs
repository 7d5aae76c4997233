using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;
using StatService.Data.Orders;
using StatService.Data.Storage;
using StatService.Worker.Notifications;
using StatService.Worker.Orders;

namespace StatService.Worker;

public static class OrderWorkerRegistration
{
    public const string QuartzFileName = "quartz.db";

    /// <summary>
    /// Quartz with a persistent store (<c>quartz.db</c> in the data directory, or clustered on PostgreSQL when
    /// <c>Storage:Provider</c> is <c>postgresql</c>), the order scheduler and,
    /// when <see cref="WorkerOptions.RunJobs"/> is on, the running scheduler and the sweeper. Also registers
    /// the order store. The pipeline (<c>IOrderPipeline</c>) is registered separately.
    /// </summary>
    public static IHostApplicationBuilder AddOrderWorker(this IHostApplicationBuilder builder)
    {
        builder.AddOrderStore();
        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Quartz is configured while the host is built, before options resolve; read the same sections directly.
        var worker = builder.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        var provider = StorageOptions.ReadProvider(builder.Configuration);

        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = worker.SchedulerName;
                if (!string.IsNullOrEmpty(worker.InstanceId))
                {
                    scheduler.InstanceId = worker.InstanceId;
                }

                // On shutdown, ask running orders to stop; with the store setting below they are handed back
                // for recovery and run again on the next start instead of blocking shutdown.
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
                // Runs scheduled by another process wake no one here: look for them this often.
                scheduler.IdleWaitTime = worker.PollInterval;
            });
            quartz.UseDefaultThreadPool(worker.MaxConcurrency);
            quartz.UsePersistentStore(store =>
            {
                if (provider == StorageProvider.PostgreSql)
                {
                    // Every API and worker process shares the schedule; workers check in, and when one stops
                    // checking in the others take over its runs (RunOrderJob requests recovery).
                    // A missing connection string fails the start through StorageOptions' validation.
                    store.UsePostgres(StorageConnectionStrings.Quartz(builder.Configuration) ?? string.Empty);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = worker.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = worker.ClusterCheckinMisfireThreshold;
                    });
                }
                else
                {
                    // SQLite cannot be clustered: one process runs the jobs (the embedded default).
                    var quartzDatabase = Path.Combine(StorageOptions.ResolveDataDirectory(builder.Configuration, builder.Environment), QuartzFileName);
                    store.UseSqlite($"Data Source={quartzDatabase};Default Timeout=30");
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.ConfigureStore(options => options.RecoverFiringsCancelledByShutdown = true);
            });
        });
        builder.Services.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = true;
            // A process that does not run jobs still schedules them into the shared store.
            hosted.AutoStart = worker.RunJobs;
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderScheduler>();
        builder.Services.AddSingleton<OrderPlacement>();
        builder.Services.AddScoped<OrderRunner>();
        builder.Services.AddScoped<RunOrderJob>();
        builder.Services.AddSingleton<SchedulerWarmup>();
        builder.Services.AddTransient<SchedulerWarmup.NothingJob>();

        if (worker.RunJobs)
        {
            builder.Services.AddHostedService<SubmittedOrderSweeper>();
            builder.Services.AddHealthChecks().AddQuartz(check => check.Tags.Add("ready"));
            // Webhooks and e-mail on status changes, from the order history (off unless configured).
            builder.AddNotifications();
        }

        return builder;
    }
}
