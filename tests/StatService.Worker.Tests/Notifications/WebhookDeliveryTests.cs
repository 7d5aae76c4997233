using System.Text.Json;
using Microsoft.Data.Sqlite;
using StatService.Core.Notifications;
using StatService.Worker.Notifications;

namespace StatService.Worker.Tests.Notifications;

/// <summary>
/// Webhooks from the outbox to a real HTTP receiver on 127.0.0.1 that verifies the signature with its own code.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Key = "webhook-test-key-0123456789-abcdefghijkl";

    private readonly string _directory = TemporaryDirectory.Create();
    private readonly RecordedHistory _history = new();

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_status_change_is_retried_with_growing_waits_until_accepted_and_accepted_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key, failuresPerEvent: 2);
        var order = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var changes = new[]
        {
            _history.Add(Change(1, order, null, "submitted", now, receiver.Url)),
            _history.Add(Change(2, order, "submitted", "queued", now, receiver.Url)),
            _history.Add(Change(3, order, "queued", "failed", now, receiver.Url) with { Reason = "The extract is unavailable." }),
        };

        await using (var host = await NotificationHost.StartAsync(Settings(), _history))
        {
            await NotificationHost.WaitUntilAsync(() => receiver.Accepted.Count == 3, "three accepted webhooks");
            await WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 3);
        }

        foreach (var change in changes)
        {
            var attempts = receiver.Requests.Where(r => r.EventId == change.EventId).ToList();
            Assert.Equal(3, attempts.Count);
            Assert.All(attempts, a => Assert.True(a.SignatureValid));
            Assert.Single(attempts, a => a.Accepted);
            // Every retry carries the same body (and so the same event for the receiver to deduplicate).
            Assert.Single(attempts.Select(a => a.Body).Distinct());
            // Back-off with jitter: at least half of 200 ms, then half of 400 ms.
            Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(95), "first wait too short");
            Assert.True(attempts[2].ReceivedAt - attempts[1].ReceivedAt >= TimeSpan.FromMilliseconds(195), "second wait too short");
            AssertBodyTells(change, attempts[0].Body);
        }

        var rows = await new StatService.Data.Notifications.AdoNotificationOutbox(new StatService.Data.Storage.SqliteOrderDatabase(Path.Combine(_directory, "orders.db"))).ListForOrderAsync(order, CancellationToken.None);
        Assert.All(rows, r => Assert.Equal((NotificationState.Delivered, 3), (r.State, r.Attempts)));
    }

    [Fact]
    public async Task A_receiver_that_never_accepts_is_given_up_after_the_configured_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key, failuresPerEvent: int.MaxValue);
        var order = Guid.NewGuid();
        _history.Add(Change(1, order, null, "submitted", DateTimeOffset.UtcNow, receiver.Url));
        var settings = Settings();
        settings["Notifications:MaxAttempts"] = "3";

        await using var host = await NotificationHost.StartAsync(settings, _history);
        var row = await WaitForStateAsync(host.Outbox, order, NotificationState.Failed, 1);

        Assert.Equal(3, row.Attempts);
        Assert.Equal("The receiver answered 503.", row.LastError);
        await Task.Delay(500);
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_restarted_dispatcher_sends_only_what_is_new()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key);
        var order = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var firstChange = _history.Add(Change(1, order, null, "submitted", now, receiver.Url));
        var secondChange = _history.Add(Change(2, order, "submitted", "queued", now, receiver.Url));
        await using (var first = await NotificationHost.StartAsync(Settings(), _history))
        {
            await WaitForStateAsync(first.Outbox, order, NotificationState.Delivered, 2);
        }

        var third = _history.Add(Change(3, order, "queued", "running", DateTimeOffset.UtcNow, receiver.Url));
        await using (var second = await NotificationHost.StartAsync(Settings(), _history))
        {
            await WaitForStateAsync(second.Outbox, order, NotificationState.Delivered, 3);
            // Several more rounds, in which a forgotten cursor or lost "delivered" mark would resend.
            await Task.Delay(300);
        }

        // Exactly one request per event, the first two from the first run and the new one from the second.
        Assert.Equal(
            new[] { firstChange.EventId, secondChange.EventId, third.EventId }.Order(StringComparer.Ordinal),
            receiver.Requests.Select(r => r.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(third.EventId, receiver.Requests.Last().EventId);
    }

    [Fact]
    public async Task A_callback_url_that_is_no_longer_allowed_is_given_up_without_a_request()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key);
        var order = Guid.NewGuid();
        _history.Add(Change(1, order, null, "submitted", DateTimeOffset.UtcNow, receiver.Url));
        var settings = Settings();
        // Production without the loopback switch: this machine is off limits.
        settings.Remove("Notifications:Webhooks:AllowLoopback");

        await using var host = await NotificationHost.StartAsync(settings, _history);
        var row = await WaitForStateAsync(host.Outbox, order, NotificationState.Failed, 1);

        Assert.Equal(1, row.Attempts);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://0.0.0.1/hook")]
    [InlineData("https://10.0.0.1/hook")]
    public async Task A_callback_host_with_no_address_webhooks_may_call_is_given_up_after_one_attempt(string callbackUrl)
    {
        var order = Guid.NewGuid();
        _history.Add(Change(1, order, null, "submitted", DateTimeOffset.UtcNow, callbackUrl));

        await using var host = await NotificationHost.StartAsync(Settings(), _history);
        var row = await WaitForStateAsync(host.Outbox, order, NotificationState.Failed, 1);

        Assert.Equal(1, row.Attempts);
        Assert.Contains("no address webhooks may call", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_older_than_the_event_age_limit_are_passed_over()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Key);
        var order = Guid.NewGuid();
        _history.Add(Change(1, order, null, "submitted", DateTimeOffset.UtcNow.AddDays(-3), receiver.Url));
        _history.Add(Change(2, order, "submitted", "queued", DateTimeOffset.UtcNow, receiver.Url));

        await using var host = await NotificationHost.StartAsync(Settings(), _history);
        await WaitForStateAsync(host.Outbox, order, NotificationState.Delivered, 1);

        Assert.Equal(2, await host.Outbox.GetCursorAsync(CancellationToken.None));
        Assert.Equal([$"evt-2-{order:N}"], receiver.Requests.Select(r => r.EventId));
    }

    private Dictionary<string, string?> Settings() => NotificationHost.WebhookSettings(_directory, Key);

    internal static StatusChange Change(long sequence, Guid order, string? from, string to, DateTimeOffset at, string callbackUrl) =>
        new(sequence, order, at, from, to, null, PlacedThroughForm: false, CallbackUrl: callbackUrl);

    internal static async Task<NotificationRecord> WaitForStateAsync(INotificationOutbox outbox, Guid order, NotificationState state, int count)
    {
        IReadOnlyList<NotificationRecord> rows = [];
        await NotificationHost.WaitUntilAsync(() =>
        {
            rows = outbox.ListForOrderAsync(order, CancellationToken.None).GetAwaiter().GetResult();
            return rows.Count(r => r.State == state) >= count;
        }, $"{count} notification(s) {state}");
        return rows.Last(r => r.State == state);
    }

    /// <summary>The body says which change happened, with links, and nothing else.</summary>
    private static void AssertBodyTells(StatusChange change, string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(
            ["at", "id", "links", "orderId", "reason", "sequence", "status", "type"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(change.EventId, root.GetProperty("id").GetString());
        Assert.Equal("order.status_changed", root.GetProperty("type").GetString());
        Assert.Equal(change.Sequence, root.GetProperty("sequence").GetInt64());
        Assert.Equal(change.OrderId, root.GetProperty("orderId").GetGuid());
        Assert.Equal(change.From, root.GetProperty("status").GetProperty("from").GetString());
        Assert.Equal(change.To, root.GetProperty("status").GetProperty("to").GetString());
        Assert.Equal(change.At.ToUnixTimeMilliseconds(), root.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(change.Reason, root.GetProperty("reason").GetString());
        Assert.Equal($"https://statservice.test/api/orders/{change.OrderId}", root.GetProperty("links").GetProperty("order").GetString());
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}
