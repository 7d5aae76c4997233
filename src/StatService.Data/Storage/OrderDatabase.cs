using System.Data.Common;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Storage;

/// <summary>
/// The order database every store runs on (SQLite or PostgreSQL): opens connections from the provider's pool, brings
/// the schema up to date on first use (<see cref="OrderDatabaseMigrations"/>), and hides what the providers do
/// differently. One instance per database per process, shared by all its stores.
/// </summary>
public abstract class OrderDatabase
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    protected OrderDatabase(TimeProvider? time)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A new, open connection.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Provider settings applied once, before the migrations (SQLite's journal mode, say).</summary>
    protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Begins a transaction that holds the lock named <paramref name="lockName"/> until it ends, against every connection
    /// of every process on the database; each provider takes it its own way.
    /// </summary>
    public abstract Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, string lockName, CancellationToken cancellationToken);

    /// <summary>An open connection on a migrated database.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether the database answers (opening it migrates it); for startup and the readiness check.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT 1");
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await PrepareDatabaseAsync(connection, cancellationToken);
            await OrderDatabaseMigrations.ApplyAsync(connection, _time, cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
