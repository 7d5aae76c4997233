namespace StatService.Data.Notifications;

/// <summary>
/// The notification outbox's statements, in the order store's portable dialect (SQLite and PostgreSQL):
/// TEXT and BIGINT columns, unix milliseconds, <c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>.
/// </summary>
internal static class NotificationOutboxSql
{
    /// <summary>The cursor of the status-change dispatcher (its row is created by the migration).</summary>
    public const string CursorName = "order-status-changes";

    public const string SelectCursor = "SELECT position FROM notification_cursor WHERE name = @name";

    /// <summary>Forward only: a slower dispatcher that read the same entries never moves the cursor back.</summary>
    public const string AdvanceCursor = """
        UPDATE notification_cursor SET position = @position
        WHERE name = @name AND position < @position
        """;

    public const string InsertNotification = """
        INSERT INTO notification_outbox
            (id, event_id, channel, order_id, sequence, destination, payload, state, attempts, created_at, next_attempt_at)
        VALUES (@id, @event_id, @channel, @order_id, @sequence, @destination, @payload, 'pending', 0, @created_at, @created_at)
        ON CONFLICT (id) DO NOTHING
        """;

    private const string NotificationColumns =
        "id, event_id, channel, order_id, sequence, destination, payload, attempts, created_at";

    public const string SelectDue = $"""
        SELECT {NotificationColumns} FROM notification_outbox
        WHERE state = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now)
        ORDER BY next_attempt_at, sequence, id
        LIMIT @limit
        """;

    /// <summary>
    /// Compare-and-set claim: succeeds (one row) only if nobody holds a live lease and no attempt was recorded
    /// since the row was read (<c>attempts</c> acts as its version).
    /// </summary>
    public const string Claim = """
        UPDATE notification_outbox SET lease_owner = @owner, lease_until = @lease_until
        WHERE id = @id AND state = 'pending' AND attempts = @attempts
          AND (lease_until IS NULL OR lease_until < @now)
        """;

    /// <summary>Only the lease holder records its attempt; the lease ends with it.</summary>
    public const string RecordAttempt = """
        UPDATE notification_outbox
        SET state = @state, attempts = attempts + 1, last_attempt_at = @at, next_attempt_at = @next_attempt_at,
            delivered_at = @delivered_at, last_error = @last_error, lease_owner = NULL, lease_until = NULL
        WHERE id = @id AND lease_owner = @owner AND state = 'pending'
        """;

    public const string PurgeFinished = """
        DELETE FROM notification_outbox
        WHERE state <> 'pending' AND last_attempt_at < @before
        """;

    public const string SelectForOrder = """
        SELECT id, event_id, channel, order_id, state, attempts, delivered_at, last_error FROM notification_outbox
        WHERE order_id = @order_id
        ORDER BY sequence, channel
        """;
}
