using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Data.Storage;
using StatService.Worker.Orders;

namespace StatService.Api.Tests;

/// <summary>Orders that never got (or lost) their scheduled run are found and run: none is lost.</summary>
public sealed class SweeperTests
{
    [Fact]
    public async Task An_order_left_submitted_when_the_process_died_is_delivered_after_a_restart()
    {
        await using var application = new StatServiceApplication();
        // The previous process stored the order and died before scheduling it.
        Directory.CreateDirectory(application.DataDirectory);
        var before = new AdoOrderStore(new SqliteOrderDatabase(Path.Combine(application.DataDirectory, SqliteOrderDatabase.FileName)));
        var order = NewOrder();
        await before.CreateAsync(order, CancellationToken.None);

        using var client = application.CreateClient("demo-company");

        await StatServiceApplication.WaitForStatusAsync(client, order.Id, "delivered");
        Assert.Equal(1, application.Pipeline.Runs[order.Id]);
    }

    [Fact]
    public async Task A_sweep_schedules_a_submitted_order_and_queues_it()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var store = application.Services.GetRequiredService<IOrderStore>();
        var order = NewOrder();
        await store.CreateAsync(order, CancellationToken.None);

        await Sweeper(application).SweepAsync(CancellationToken.None);

        var delivered = await StatServiceApplication.WaitForStatusAsync(client, order.Id, "delivered");
        Assert.Equal(System.Text.Json.JsonValueKind.String, delivered.GetProperty("queuedAt").ValueKind);
        Assert.Equal(1, application.Pipeline.Runs[order.Id]);
    }

    [Fact]
    public async Task A_sweep_sends_a_submitted_order_that_needs_review_to_review_without_running_it()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var store = application.Services.GetRequiredService<IOrderStore>();
        var order = NewOrder() with { ReviewRequired = true };
        await store.CreateAsync(order, CancellationToken.None);

        await Sweeper(application).SweepAsync(CancellationToken.None);

        Assert.Equal(OrderStatus.InReview, (await store.GetAsync(order.Id, CancellationToken.None))?.Status);
        var last = (await store.GetHistoryAsync(order.Id, CancellationToken.None))[^1];
        Assert.Equal((OrderStatus.Submitted, OrderStatus.InReview, OrderActors.System), (last.From!.Value, last.To, last.Actor));
        Assert.False(await application.Services.GetRequiredService<OrderScheduler>().IsScheduledAsync(order.Id, CancellationToken.None));
        Assert.False(application.Pipeline.Runs.ContainsKey(order.Id));
    }

    [Fact]
    public async Task A_sweep_schedules_again_a_queued_order_whose_job_was_lost()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var store = application.Services.GetRequiredService<IOrderStore>();
        var order = NewOrder().Queue(DateTimeOffset.UtcNow);
        await store.CreateAsync(order, CancellationToken.None);

        await Sweeper(application).SweepAsync(CancellationToken.None);

        await StatServiceApplication.WaitForStatusAsync(client, order.Id, "delivered");
    }

    [Fact]
    public async Task Scheduling_an_order_twice_runs_it_once()
    {
        await using var application = new StatServiceApplication();
        using var client = application.CreateClient("demo-company");
        var store = application.Services.GetRequiredService<IOrderStore>();
        var scheduler = application.Services.GetRequiredService<OrderScheduler>();
        var order = NewOrder().Queue(DateTimeOffset.UtcNow);
        await store.CreateAsync(order, CancellationToken.None);

        await scheduler.ScheduleRunAsync(order.Id, CancellationToken.None);
        await scheduler.ScheduleRunAsync(order.Id, CancellationToken.None);

        await StatServiceApplication.WaitForStatusAsync(client, order.Id, "delivered");
        Assert.Equal(1, application.Pipeline.Runs[order.Id]);
    }

    private static SubmittedOrderSweeper Sweeper(StatServiceApplication application) =>
        application.Services.GetServices<IHostedService>().OfType<SubmittedOrderSweeper>().Single();

    private static Order NewOrder() => new()
    {
        Id = Guid.NewGuid(),
        Product = FixedResultPipeline.Product,
        ParametersJson = "{}",
        RequesterId = "demo-company",
        SubmittedAt = DateTimeOffset.UtcNow,
    };
}
