using System.Data.Common;
using StatService.Data.Ledger;
using StatService.Data.Notifications;
using StatService.Data.Orders;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Storage;

/// <summary>
/// The order database's tables as numbered migrations, each store contributing its own range (orders and requesters
/// 1-99, the notification outbox 100-199, the release ledger 200-299). A database records the versions it has in
/// <c>order_store_migrations</c>; new versions are appended, never edited, so every database can be brought forward.
/// </summary>
internal static class OrderDatabaseMigrations
{
    private const string CreateMigrationTable = """
        CREATE TABLE IF NOT EXISTS order_store_migrations (
            version BIGINT NOT NULL PRIMARY KEY,
            applied_at BIGINT NOT NULL
        )
        """;

    private const string SelectAppliedVersions = "SELECT version FROM order_store_migrations";

    private const string RecordVersion = """
        INSERT INTO order_store_migrations (version, applied_at) VALUES (@version, @applied_at)
        ON CONFLICT (version) DO NOTHING
        """;

    /// <summary>Every migration, in version order.</summary>
    public static IEnumerable<(long Version, string[] Statements)> All =>
        OrderStoreSchema.Migrations.Concat(NotificationOutboxSchema.Migrations).Concat(ReleaseLedgerSchema.Migrations).OrderBy(m => m.Version);

    /// <summary>Applies the versions the database lacks, all in one transaction.</summary>
    public static async Task ApplyAsync(DbConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = Command(connection, CreateMigrationTable, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<long>();
        await using (var select = Command(connection, SelectAppliedVersions, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        foreach (var (version, statements) in All.Where(m => !applied.Contains(m.Version)))
        {
            foreach (var statement in statements)
            {
                await using var command = Command(connection, statement, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = Command(connection, RecordVersion, transaction);
            Add(record, "version", version);
            Add(record, "applied_at", time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
