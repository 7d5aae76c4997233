using Microsoft.Data.Sqlite;
using StatService.Core.Notifications;
using StatService.Worker.Notifications;

namespace StatService.Worker.Tests.Notifications;

/// <summary>How the dispatcher walks the history's sequence numbers.</summary>
public sealed class HistoryRelayTests : IAsyncLifetime
{
    private const string Key = "relay-test-key-0123456789-abcdefghijklmn";

    private readonly string _directory = TemporaryDirectory.Create();
    private readonly RecordedHistory _history = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_entry_committed_late_behind_a_later_one_is_still_notified()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key);
        var order = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        _history.Add(WebhookDeliveryTests.Change(1, order, null, "submitted", now, receiver.Url));
        _history.Add(WebhookDeliveryTests.Change(3, order, "queued", "running", now, receiver.Url));
        var settings = Settings();
        settings["Notifications:SequenceGapWait"] = "00:01:00";

        await using var host = await NotificationHost.StartAsync(settings, _history);
        await WebhookDeliveryTests.WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 1);
        await Task.Delay(200);
        Assert.Equal(1, await host.Outbox.GetCursorAsync(CancellationToken.None));

        _history.Add(WebhookDeliveryTests.Change(2, order, "submitted", "queued", now, receiver.Url));
        await WebhookDeliveryTests.WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 3);

        Assert.Equal(3, await host.Outbox.GetCursorAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_hole_that_stays_is_read_past_after_the_wait()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key);
        var order = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        _history.Add(WebhookDeliveryTests.Change(1, order, null, "submitted", now, receiver.Url));
        _history.Add(WebhookDeliveryTests.Change(3, order, "queued", "running", now, receiver.Url));
        var settings = Settings();
        settings["Notifications:SequenceGapWait"] = "00:00:00.200";

        await using var host = await NotificationHost.StartAsync(settings, _history);
        await WebhookDeliveryTests.WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 2);

        Assert.Equal(3, await host.Outbox.GetCursorAsync(CancellationToken.None));
        Assert.Equal(2, receiver.Requests.Count);
    }

    private Dictionary<string, string?> Settings() => NotificationHost.WebhookSettings(_directory, Key);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}
