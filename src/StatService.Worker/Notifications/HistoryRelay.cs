using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatService.Core.Notifications;

namespace StatService.Worker.Notifications;

/// <summary>
/// Turns new history entries into outbox notifications, one per channel that reaches the order's requester,
/// and moves the cursor past them in the same transaction: an entry is relayed once whatever crashes when.
/// Reads only an unbroken run of sequence numbers; a hole (a write that committed out of order) is waited
/// for a while before it is read past.
/// </summary>
internal sealed class HistoryRelay(
    IStatusChangeFeed feed,
    INotificationOutbox outbox,
    IOptions<NotificationOptions> options,
    IOptions<WebhookOptions> webhooks,
    IOptions<SmtpOptions> smtp,
    TimeProvider time,
    ILogger<HistoryRelay> logger)
{
    private long _gapAt = -1;
    private DateTimeOffset _gapSeen;

    /// <summary>Relays every entry that is ready; returns how many entries it passed.</summary>
    public async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cursor = await outbox.GetCursorAsync(cancellationToken);
        var passed = 0;
        while (true)
        {
            var changes = await feed.ReadAfterAsync(cursor, settings.BatchSize, cancellationToken);
            var ready = Unbroken(cursor, changes, settings.SequenceGapWait);
            if (ready.Count == 0)
            {
                return passed;
            }

            var now = time.GetUtcNow();
            var notifications = ready
                .Where(change => now - change.At <= settings.MaxEventAge)
                .SelectMany(change => NotificationsFor(change, now))
                .ToList();
            cursor = ready[^1].Sequence;
            await outbox.EnqueueAsync(notifications, cursor, cancellationToken);
            foreach (var group in notifications.GroupBy(n => n.Channel))
            {
                NotificationTelemetry.Enqueued.Add(group.Count(), new KeyValuePair<string, object?>("channel", group.Key.ToString().ToLowerInvariant()));
            }

            passed += ready.Count;
            if (ready.Count < changes.Count || changes.Count < settings.BatchSize)
            {
                return passed;
            }
        }
    }

    private List<StatusChange> Unbroken(long cursor, IReadOnlyList<StatusChange> changes, TimeSpan gapWait)
    {
        var ready = new List<StatusChange>(changes.Count);
        var expected = cursor + 1;
        foreach (var change in changes)
        {
            if (change.Sequence > expected && !WaitedLongEnough(expected, gapWait))
            {
                break;
            }

            ready.Add(change);
            expected = change.Sequence + 1;
        }

        return ready;
    }

    private bool WaitedLongEnough(long missing, TimeSpan gapWait)
    {
        var now = time.GetUtcNow();
        if (_gapAt != missing)
        {
            _gapAt = missing;
            _gapSeen = now;
        }

        if (now - _gapSeen < gapWait)
        {
            return false;
        }

        logger.LogWarning("History entry {Sequence} did not appear within {Wait}; notifications read past it.", missing, gapWait);
        return true;
    }

    private IEnumerable<NewNotification> NotificationsFor(StatusChange change, DateTimeOffset now)
    {
        var links = new NotificationLinks(options.Value.PublicBaseUrl);
        if (webhooks.Value.Enabled && !string.IsNullOrWhiteSpace(change.CallbackUrl))
        {
            yield return new NewNotification(
                change.EventId, NotificationChannel.Webhook, change.OrderId, change.Sequence, change.CallbackUrl,
                WebhookPayload.For(change, links).ToJson(), now);
        }

        var mail = smtp.Value;
        if (mail.Enabled && !string.IsNullOrWhiteSpace(change.ContactEmail)
            && mail.Statuses.Contains(change.To, StringComparer.OrdinalIgnoreCase))
        {
            yield return new NewNotification(
                change.EventId, NotificationChannel.Email, change.OrderId, change.Sequence, change.ContactEmail,
                EmailContent.For(change, links).ToJson(), now);
        }
    }
}
