using System.Data.Common;

namespace StatService.Data.Storage;

/// <summary>
/// The base of every store on the order database (orders, requesters, release ledger, notification outbox): each
/// operation takes one short-lived connection from the <see cref="OrderDatabase"/> it shares with the others, so they
/// share its pool, its SQLite settings and its migrations.
/// </summary>
public abstract class AdoStore
{
    protected AdoStore(OrderDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
    }

    protected OrderDatabase Database { get; }

    /// <summary>An open connection on a migrated database.</summary>
    protected Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => Database.OpenAsync(cancellationToken);
}
