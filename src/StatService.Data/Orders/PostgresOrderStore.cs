using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace StatService.Data.Orders;

/// <summary>
/// The order store on PostgreSQL, shared by every API and worker process of a scaled-out deployment. Runs the
/// same portable SQL as SQLite; connections come from one <see cref="NpgsqlDataSource"/> (its pool) per process.
/// </summary>
public sealed class PostgresOrderStore : AdoOrderStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    /// <summary>A store with a data source of its own, disposed with the store.</summary>
    public PostgresOrderStore(string connectionString, TimeProvider? time = null)
        : this(NpgsqlDataSource.Create(connectionString), time)
    {
        _ownsDataSource = true;
    }

    /// <summary>A store on a data source the caller owns.</summary>
    public PostgresOrderStore(NpgsqlDataSource dataSource, TimeProvider? time = null)
        : base(time)
    {
        _dataSource = dataSource;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A transaction-scoped advisory lock keyed by the extract version: sessions of other versions run in parallel, and
    /// the lock ends with the transaction, so a process that dies mid-check leaves nothing held.
    /// </summary>
    protected override async Task<DbTransaction> BeginLedgerTransactionAsync(DbConnection connection, string extractVersion, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, "SELECT pg_advisory_xact_lock(@key)", transaction);
            Add(command, "key", LedgerLockKey(extractVersion));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>The advisory lock's 64-bit key: the first bytes of a SHA-256 of the version under a name of the ledger's own.</summary>
    internal static long LedgerLockKey(string extractVersion) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("statservice.release-ledger:" + extractVersion)));

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }
}
