using Microsoft.Extensions.DependencyInjection;
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

        var order = await StatServiceApplication.WaitForStatusAsync(client, id, "queued");
        Assert.True(await application.Services.GetRequiredService<OrderScheduler>().IsScheduledAsync(id, CancellationToken.None));
        await Task.Delay(500);
        Assert.Empty(application.Pipeline.Runs);
        Assert.Equal("queued", order.GetProperty("status").GetString());
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
