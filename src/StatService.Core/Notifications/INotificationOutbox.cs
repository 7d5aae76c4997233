namespace StatService.Core.Notifications;

/// <summary>
/// The durable outbox of status-change notifications, stored beside the orders. The dispatcher fills it from
/// the order history (remembering how far it has read in a cursor) and delivers from it; several worker
/// processes may share it: rows are claimed with a compare-and-set lease, so one attempt runs at a time.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>The sequence number of the last history entry turned into notifications (0 before the first).</summary>
    Task<long> GetCursorAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="notifications"/> (those already present are kept as they are) and moves the cursor
    /// forward to <paramref name="cursor"/> (never back), in one transaction.
    /// </summary>
    Task EnqueueAsync(IReadOnlyList<NewNotification> notifications, long cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> pending notifications that are due at <paramref name="now"/> and not
    /// leased by anyone, leasing them to <paramref name="owner"/> until <paramref name="leaseUntil"/>.
    /// </summary>
    Task<IReadOnlyList<OutboxNotification>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt on a notification leased to <paramref name="owner"/> and releases the lease. Returns
    /// false when the lease was lost (it expired and another worker claimed the row), and records nothing then.
    /// </summary>
    Task<bool> RecordAttemptAsync(string id, string owner, AttemptOutcome outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes delivered and failed notifications whose last attempt was before <paramref name="before"/> (they hold
    /// contact addresses, kept no longer than needed); returns how many. Pending ones are never deleted.
    /// </summary>
    Task<int> PurgeFinishedAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The notifications of one order, oldest event first.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListForOrderAsync(Guid orderId, CancellationToken cancellationToken);
}
