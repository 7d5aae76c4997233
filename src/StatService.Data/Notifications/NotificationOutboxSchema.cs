namespace StatService.Data.Notifications;

/// <summary>
/// The notification outbox's tables, as migrations of the order database (versions 100-199), in the same portable
/// dialect as <see cref="NotificationOutboxSql"/>.
/// </summary>
internal static class NotificationOutboxSchema
{
    public static readonly IReadOnlyList<(long Version, string[] Statements)> Migrations =
    [
        (100,
        [
            // One row per status-change event and channel; the id is "<event id>/<channel>", so enqueuing twice
            // (two dispatchers, or one restarted mid-batch) adds nothing. state: pending | delivered | failed.
            // lease_owner/lease_until: the worker attempting it now; next_attempt_at: when it is due (unix ms).
            """
            CREATE TABLE IF NOT EXISTS notification_outbox (
                id TEXT NOT NULL PRIMARY KEY,
                event_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                order_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                destination TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                lease_owner TEXT NULL,
                lease_until BIGINT NULL,
                last_attempt_at BIGINT NULL,
                delivered_at BIGINT NULL,
                last_error TEXT NULL
            )
            """,
            // Delivery looks for due rows of one state, soonest first.
            "CREATE INDEX IF NOT EXISTS ix_notification_outbox_due ON notification_outbox (state, next_attempt_at)",
            "CREATE INDEX IF NOT EXISTS ix_notification_outbox_order ON notification_outbox (order_id, sequence)",
            // How far each reader has turned the order history into notifications.
            """
            CREATE TABLE IF NOT EXISTS notification_cursor (
                name TEXT NOT NULL PRIMARY KEY,
                position BIGINT NOT NULL
            )
            """,
            "INSERT INTO notification_cursor (name, position) VALUES ('order-status-changes', 0) ON CONFLICT (name) DO NOTHING",
        ]),
    ];
}
