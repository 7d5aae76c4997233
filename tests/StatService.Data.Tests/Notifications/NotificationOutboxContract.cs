using StatService.Data.Tests.Stores;
using StatService.Core.Notifications;
using StatService.Data.Notifications;

namespace StatService.Data.Tests.Notifications;

/// <summary>
/// What the outbox must do on every order store provider, each on a real, fresh database
/// (<see cref="SqliteNotificationOutboxTests"/>, <see cref="PostgresNotificationOutboxTests"/>).
/// </summary>
public abstract class NotificationOutboxContract<TDatabase> : StoreContract<TDatabase>
    where TDatabase : IStoreDatabase, new()
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The outbox on the test's first database.</summary>
    private AdoNotificationOutbox Outbox => field ??= new AdoNotificationOutbox(Database);

    /// <summary>The outbox of another process on this test's database.</summary>
    private AdoNotificationOutbox OpenOutbox() => new(Open());

    [Fact]
    public async Task Enqueuing_an_event_twice_keeps_one_row_per_channel_and_the_cursor_never_moves_back()
    {
        var order = Guid.NewGuid();
        Assert.Equal(0, await Outbox.GetCursorAsync(CancellationToken.None));

        await Outbox.EnqueueAsync([Notification(order, 1, NotificationChannel.Webhook), Notification(order, 1, NotificationChannel.Email)], 1, CancellationToken.None);
        await Outbox.EnqueueAsync([Notification(order, 2, NotificationChannel.Webhook)], 2, CancellationToken.None);
        // A slower dispatcher that read the same entries: nothing new, and the cursor stays at 2.
        await Outbox.EnqueueAsync([Notification(order, 1, NotificationChannel.Webhook) with { Payload = "other" }], 1, CancellationToken.None);

        Assert.Equal(2, await Outbox.GetCursorAsync(CancellationToken.None));
        var rows = await Outbox.ListForOrderAsync(order, CancellationToken.None);
        Assert.Equal(
            ["evt-1/email", "evt-1/webhook", "evt-2/webhook"],
            rows.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(NotificationState.Pending, r.State));
        var claimed = await Outbox.ClaimDueAsync("w", Noon, Noon.AddMinutes(1), 10, CancellationToken.None);
        Assert.Equal("payload-1", claimed.Single(n => n.Id == "evt-1/webhook").Payload);
    }

    [Fact]
    public async Task Workers_claiming_at_once_each_get_a_notification_at_most_once()
    {
        var order = Guid.NewGuid();
        var notifications = Enumerable.Range(1, 40).Select(i => Notification(order, i, NotificationChannel.Webhook)).ToList();
        await Outbox.EnqueueAsync(notifications, 40, CancellationToken.None);
        // Separate store instances on one file, as separate worker processes have.
        var stores = Enumerable.Range(0, 4).Select(_ => OpenOutbox()).ToList();

        var claims = await Task.WhenAll(stores.Select((store, i) =>
            store.ClaimDueAsync($"worker-{i}", Noon, Noon.AddMinutes(1), 40, CancellationToken.None)));

        var all = claims.SelectMany(c => c.Select(n => n.Id)).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    [Fact]
    public async Task A_leased_notification_is_claimable_again_only_after_its_lease_ends()
    {
        var order = Guid.NewGuid();
        await Outbox.EnqueueAsync([Notification(order, 1, NotificationChannel.Webhook)], 1, CancellationToken.None);

        var first = await Outbox.ClaimDueAsync("crashed", Noon, Noon.AddMinutes(2), 10, CancellationToken.None);
        var during = await Outbox.ClaimDueAsync("other", Noon.AddMinutes(1), Noon.AddMinutes(3), 10, CancellationToken.None);
        var after = await Outbox.ClaimDueAsync("other", Noon.AddMinutes(3), Noon.AddMinutes(5), 10, CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(during);
        Assert.Single(after);
        // The first holder lost its lease: its late report is refused, the new holder's counts.
        Assert.False(await Outbox.RecordAttemptAsync("evt-1/webhook", "crashed", AttemptOutcome.Delivered(Noon.AddMinutes(4)), CancellationToken.None));
        Assert.True(await Outbox.RecordAttemptAsync("evt-1/webhook", "other", AttemptOutcome.Delivered(Noon.AddMinutes(4)), CancellationToken.None));
        var row = Assert.Single(await Outbox.ListForOrderAsync(order, CancellationToken.None));
        Assert.Equal(NotificationState.Delivered, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(Noon.AddMinutes(4), row.DeliveredAt);
    }

    [Fact]
    public async Task A_retry_waits_for_its_time_and_finished_notifications_are_never_claimed_again()
    {
        var order = Guid.NewGuid();
        await Outbox.EnqueueAsync([Notification(order, 1, NotificationChannel.Webhook), Notification(order, 2, NotificationChannel.Webhook)], 2, CancellationToken.None);
        var claimed = await Outbox.ClaimDueAsync("w", Noon, Noon.AddMinutes(1), 10, CancellationToken.None);
        Assert.Equal(2, claimed.Count);

        await Outbox.RecordAttemptAsync("evt-1/webhook", "w", AttemptOutcome.Retry(Noon, Noon.AddMinutes(5), "503"), CancellationToken.None);
        await Outbox.RecordAttemptAsync("evt-2/webhook", "w", AttemptOutcome.Failed(Noon, "410"), CancellationToken.None);

        Assert.Empty(await Outbox.ClaimDueAsync("w", Noon.AddMinutes(4), Noon.AddMinutes(6), 10, CancellationToken.None));
        var retried = Assert.Single(await Outbox.ClaimDueAsync("w", Noon.AddMinutes(5), Noon.AddMinutes(6), 10, CancellationToken.None));
        Assert.Equal("evt-1/webhook", retried.Id);
        Assert.Equal(1, retried.Attempts);
        Assert.True(await Outbox.RecordAttemptAsync("evt-1/webhook", "w", AttemptOutcome.Delivered(Noon.AddMinutes(5)), CancellationToken.None));
        Assert.Empty(await Outbox.ClaimDueAsync("w", Noon.AddDays(1), Noon.AddDays(2), 10, CancellationToken.None));

        var failed = (await Outbox.ListForOrderAsync(order, CancellationToken.None)).Single(r => r.Id == "evt-2/webhook");
        Assert.Equal(NotificationState.Failed, failed.State);
        Assert.Equal("410", failed.LastError);
    }

    [Fact]
    public async Task Purging_deletes_only_finished_notifications_older_than_the_limit()
    {
        var order = Guid.NewGuid();
        await Outbox.EnqueueAsync([.. Enumerable.Range(1, 4).Select(i => Notification(order, i, NotificationChannel.Webhook))], 4, CancellationToken.None);
        await Outbox.ClaimDueAsync("w", Noon, Noon.AddMinutes(1), 10, CancellationToken.None);
        await Outbox.RecordAttemptAsync("evt-1/webhook", "w", AttemptOutcome.Delivered(Noon), CancellationToken.None);
        await Outbox.RecordAttemptAsync("evt-2/webhook", "w", AttemptOutcome.Failed(Noon, "gone"), CancellationToken.None);
        await Outbox.RecordAttemptAsync("evt-3/webhook", "w", AttemptOutcome.Delivered(Noon.AddDays(2)), CancellationToken.None);
        await Outbox.RecordAttemptAsync("evt-4/webhook", "w", AttemptOutcome.Retry(Noon, Noon.AddHours(1), "503"), CancellationToken.None);

        var purged = await Outbox.PurgeFinishedAsync(Noon.AddDays(1), CancellationToken.None);

        Assert.Equal(2, purged);
        Assert.Equal(
            ["evt-3/webhook", "evt-4/webhook"],
            (await Outbox.ListForOrderAsync(order, CancellationToken.None)).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_outbox_and_cursor_survive_reopening_the_database()
    {
        var order = Guid.NewGuid();
        await Outbox.EnqueueAsync([Notification(order, 7, NotificationChannel.Email)], 7, CancellationToken.None);

        var reopened = OpenOutbox();

        Assert.Equal(7, await reopened.GetCursorAsync(CancellationToken.None));
        Assert.Single(await reopened.ListForOrderAsync(order, CancellationToken.None));
    }

    private static NewNotification Notification(Guid order, long sequence, NotificationChannel channel) =>
        new($"evt-{sequence}", channel, order, sequence, channel == NotificationChannel.Email ? "someone@example.org" : "https://hooks.example.com/",
            $"payload-{sequence}", Noon);
}
