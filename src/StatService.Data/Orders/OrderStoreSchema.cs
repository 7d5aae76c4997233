namespace StatService.Data.Orders;

/// <summary>
/// The order store's tables as numbered migrations. A database records the versions it has in
/// <c>order_store_migrations</c>; new versions are appended here, never edited, so every database can be
/// brought forward. Same dialect rules as <see cref="OrderStoreSql"/>.
/// </summary>
internal static class OrderStoreSchema
{
    public const string CreateMigrationTable = """
        CREATE TABLE IF NOT EXISTS order_store_migrations (
            version BIGINT NOT NULL PRIMARY KEY,
            applied_at BIGINT NOT NULL
        )
        """;

    public const string SelectAppliedVersions = "SELECT version FROM order_store_migrations";

    public const string RecordVersion = """
        INSERT INTO order_store_migrations (version, applied_at) VALUES (@version, @applied_at)
        ON CONFLICT (version) DO NOTHING
        """;

    /// <summary>Every migration the store applies, in version order: the order tables and the notification outbox.</summary>
    public static IEnumerable<(long Version, string[] Statements)> All =>
        Migrations.Concat(NotificationStoreSchema.Migrations).OrderBy(m => m.Version);

    /// <summary>Orders, results, history, requesters: versions 1-99.</summary>
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
            """
            CREATE TABLE IF NOT EXISTS order_results (
                order_id TEXT NOT NULL PRIMARY KEY REFERENCES orders (id),
                json TEXT NOT NULL,
                csv TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ]),
    ];
}
