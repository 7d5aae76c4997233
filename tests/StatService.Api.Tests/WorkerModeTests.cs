using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StatService.Worker.Orders;

namespace StatService.Api.Tests;

public sealed class WorkerModeTests
{
    [Fact]
    public async Task An_api_that_runs_no_jobs_still_schedules_orders_for_the_workers()
    {
        await using var application = new StatServiceApplication { Settings = { ["Worker:RunJobs"] = "false" } };
        using var client = application.CreateClient("demo-company");

        var id = await StatServiceApplication.SubmitAsync(client);

        await StatServiceApplication.WaitForStatusAsync(client, id, "queued");
        Assert.True(await application.Services.GetRequiredService<OrderScheduler>().IsScheduledAsync(id, CancellationToken.None));

        // Its run is due and waiting in the store, and this process never starts the scheduler that would take it: the
        // order stays queued without waiting for time to pass.
        var scheduler = await application.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEqual(SchedulerStatus.Running, await scheduler.GetStatus(CancellationToken.None));
        var trigger = await scheduler.GetTrigger(RunOrderJob.TriggerKeyFor(id));
        Assert.NotNull(trigger);
        Assert.True(trigger.NextFireTimeUtc <= DateTimeOffset.UtcNow);
        Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(trigger.Key));
        Assert.Empty(application.Pipeline.Runs);
        using var order = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}"));
        Assert.Equal("queued", order.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invalid_worker_settings_stop_the_start()
    {
        var log = await Recovery.RefusedStart.LogAsync(new Dictionary<string, string> { ["Worker:MaxConcurrency"] = "0" });

        Assert.Contains("OptionsValidationException", log, StringComparison.Ordinal);
        Assert.Contains("WorkerOptions", log, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrency", log, StringComparison.Ordinal);
    }
}
