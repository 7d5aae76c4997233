using StatService.Data.Requesters;

namespace StatService.Data.Orders;

/// <summary>
/// The order tables as migrations of the order database (versions 1-99, applied by
/// <see cref="Storage.OrderDatabaseMigrations"/>): appended, never edited. Same dialect rules as <see cref="OrderStoreSql"/>.
/// </summary>
internal static class OrderStoreSchema
{
    /// <summary>Orders, results, history, idempotency keys and (in version 2) the requesters table of <see cref="RequesterSchema"/>.</summary>
    public static readonly IReadOnlyList<(long Version, string[] Statements)> Migrations =
    [
        (1,
        [
            // ids are GUIDs in their 36-character text form; statuses are lower-case names of OrderStatus.
            """
            CREATE TABLE IF NOT EXISTS orders (
                id TEXT NOT NULL PRIMARY KEY,
                product TEXT NOT NULL,
                parameters_json TEXT NOT NULL,
                requester_id TEXT NOT NULL,
                status TEXT NOT NULL,
                submitted_at BIGINT NOT NULL,
                queued_at BIGINT NULL,
                started_at BIGINT NULL,
                delivered_at BIGINT NULL,
                failed_at BIGINT NULL,
                failure_reason TEXT NULL,
                extract_version TEXT NULL
            )
            """,
            // The sweeper looks for orders by status, oldest first.
            "CREATE INDEX IF NOT EXISTS ix_orders_status_submitted_at ON orders (status, submitted_at)",
            // A queued order's place in the queue counts the orders queued before it: a range of this index, not all orders.
            "CREATE INDEX IF NOT EXISTS ix_orders_status_queued_at ON orders (status, queued_at, id)",
            """
            CREATE TABLE IF NOT EXISTS order_results (
                order_id TEXT NOT NULL PRIMARY KEY REFERENCES orders (id),
                json TEXT NOT NULL,
                csv TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ]),
        (2,
        [
            // Requesters, review and the web form: one column per statement (SQLite adds one at a time).
            "ALTER TABLE orders ADD COLUMN requester_kind TEXT NULL",
            "ALTER TABLE orders ADD COLUMN purpose TEXT NULL",
            "ALTER TABLE orders ADD COLUMN contact_name TEXT NULL",
            "ALTER TABLE orders ADD COLUMN contact_email TEXT NULL",
            "ALTER TABLE orders ADD COLUMN contact_organisation TEXT NULL",
            "ALTER TABLE orders ADD COLUMN callback_url TEXT NULL",
            "ALTER TABLE orders ADD COLUMN channel TEXT NOT NULL DEFAULT 'api'",
            "ALTER TABLE orders ADD COLUMN language TEXT NULL",
            "ALTER TABLE orders ADD COLUMN status_token_hash TEXT NULL",
            "ALTER TABLE orders ADD COLUMN review_required BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE orders ADD COLUMN estimated_cells BIGINT NULL",
            // Decimal DKK in invariant text: exact, and the same on both databases.
            "ALTER TABLE orders ADD COLUMN price_quote_dkk TEXT NULL",
            "ALTER TABLE orders ADD COLUMN review_note TEXT NULL",
            "ALTER TABLE orders ADD COLUMN rejection_reason TEXT NULL",
            "ALTER TABLE orders ADD COLUMN approved_at BIGINT NULL",
            "ALTER TABLE orders ADD COLUMN cancelled_at BIGINT NULL",
            "CREATE UNIQUE INDEX IF NOT EXISTS ix_orders_status_token_hash ON orders (status_token_hash)",
            "CREATE INDEX IF NOT EXISTS ix_orders_requester_submitted_at ON orders (requester_id, submitted_at)",
            // Every status change; sequence is global, handed out by order_history_counter inside the writing
            // transaction (its row lock orders concurrent writers, so sequence order is commit order).
            """
            CREATE TABLE IF NOT EXISTS order_history (
                sequence BIGINT NOT NULL PRIMARY KEY,
                order_id TEXT NOT NULL REFERENCES orders (id),
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                from_status TEXT NULL,
                to_status TEXT NOT NULL,
                reason TEXT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS ix_order_history_order ON order_history (order_id, sequence)",
            """
            CREATE TABLE IF NOT EXISTS order_history_counter (
                name TEXT NOT NULL PRIMARY KEY,
                value BIGINT NOT NULL
            )
            """,
            // Orders stored before the history existed get one entry for the status they have.
            """
            INSERT INTO order_history (sequence, order_id, at, actor, from_status, to_status, reason)
            SELECT ROW_NUMBER() OVER (ORDER BY submitted_at, id), id, submitted_at, 'system', NULL, status,
                   'Recorded when the order history was introduced.'
            FROM orders
            """,
            "INSERT INTO order_history_counter (name, value) SELECT 'history', COUNT(*) FROM order_history",
            RequesterSchema.CreateRequesters,
            // One row per (requester, Idempotency-Key): the order it created and the hash of the body that did.
            """
            CREATE TABLE IF NOT EXISTS order_idempotency (
                requester_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                body_hash TEXT NOT NULL,
                order_id TEXT NOT NULL REFERENCES orders (id),
                created_at BIGINT NOT NULL,
                PRIMARY KEY (requester_id, idempotency_key)
            )
            """,
        ]),
        (3,
        [
            // Listings read newest first (submitted_at DESC, id DESC) by requester, by status, or over all orders: indexes
            // ending in the same order answer them as a range read from one end, with no sort of every matching order.
            "CREATE INDEX IF NOT EXISTS ix_orders_submitted_at_id ON orders (submitted_at, id)",
            "CREATE INDEX IF NOT EXISTS ix_orders_requester_submitted_at_id ON orders (requester_id, submitted_at, id)",
            "CREATE INDEX IF NOT EXISTS ix_orders_status_submitted_at_id ON orders (status, submitted_at, id)",
            // The two they extend: every query they served, the longer ones serve.
            "DROP INDEX IF EXISTS ix_orders_requester_submitted_at",
            "DROP INDEX IF EXISTS ix_orders_status_submitted_at",
        ]),
    ];
}
