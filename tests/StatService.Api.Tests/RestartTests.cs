using Microsoft.Data.Sqlite;
using StatService.Api.Tests.TestDoubles;

namespace StatService.Api.Tests;

/// <summary>The service stopped and started again on the same data: orders in flight are finished, once.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _directory = TemporaryDirectory.Create();
    private readonly string _schedulerName = "test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_order_interrupted_by_shutdown_is_delivered_after_the_restart()
    {
        Guid id;
        await using (var first = new StatServiceApplication(_directory, _schedulerName))
        {
            using var client = first.CreateClient("demo-company");
            id = await StatServiceApplication.SubmitAsync(client, FixedResultPipeline.HeldProduct);
            await StatServiceApplication.WaitForStatusAsync(client, id, "running");
        }

        await using var second = new StatServiceApplication(_directory, _schedulerName);
        second.Pipeline.ReleaseHeld();
        using var again = second.CreateClient("demo-company");

        await StatServiceApplication.WaitForStatusAsync(again, id, "delivered");
        Assert.Equal(1, second.Pipeline.Runs[id]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
    }
}
