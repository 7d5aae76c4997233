using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Storage;

/// <summary>
/// The order database on PostgreSQL, shared by every API and worker process of a scaled-out deployment. Runs the
/// same portable SQL as SQLite; connections come from one <see cref="NpgsqlDataSource"/> (its pool) per process.
/// </summary>
public sealed class PostgresOrderDatabase : OrderDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    /// <summary>A database with a data source of its own, disposed with it.</summary>
    public PostgresOrderDatabase(string connectionString, TimeProvider? time = null)
        : this(NpgsqlDataSource.Create(connectionString), time)
    {
        _ownsDataSource = true;
    }

    /// <summary>A database on a data source the caller owns.</summary>
    public PostgresOrderDatabase(NpgsqlDataSource dataSource, TimeProvider? time = null)
        : base(time)
    {
        _dataSource = dataSource;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A transaction-scoped advisory lock keyed by the name: transactions on other names run in parallel, and the lock
    /// ends with the transaction, so a process that dies mid-check leaves nothing held.
    /// </summary>
    public override async Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, string lockName, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = Command(connection, "SELECT pg_advisory_xact_lock(@key)", transaction);
            Add(command, "key", LockKey(lockName));
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>The advisory lock's 64-bit key: the first bytes of a SHA-256 of the name.</summary>
    internal static long LockKey(string lockName) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(lockName)));

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
