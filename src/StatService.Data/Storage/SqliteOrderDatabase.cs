using System.Data.Common;
using Microsoft.Data.Sqlite;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Storage;

/// <summary>
/// The order database in an SQLite file (the embedded default). WAL lets readers (status polls) run while a
/// worker writes.
/// </summary>
public sealed class SqliteOrderDatabase : OrderDatabase
{
    public const string FileName = "orders.db";

    private readonly string _connectionString;

    public SqliteOrderDatabase(string databasePath, TimeProvider? time = null, TimeSpan? busyTimeout = null)
        : base(time)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            // Seconds a statement keeps retrying while another connection holds the write lock (busy timeout).
            DefaultTimeout = (int)Math.Ceiling((busyTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds),
        }.ToString();
    }

    public string DatabasePath { get; }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// BEGIN IMMEDIATE: SQLite has one writer per file, and an immediate transaction takes the write lock at once, so a
    /// locked read-check-record (the ledger's) cannot interleave with another's (any other writer waits on the busy
    /// timeout, briefly). One lock for every name. Run off the caller's thread: the driver waits for the lock synchronously.
    /// </summary>
    public override Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, string lockName, CancellationToken cancellationToken) =>
        Task.Run<DbTransaction>(() => ((SqliteConnection)connection).BeginTransaction(deferred: false), cancellationToken);

    protected override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL is a property of the file, so setting it once is enough.
        await using var wal = Command(connection, "PRAGMA journal_mode = WAL");
        await wal.ExecuteNonQueryAsync(cancellationToken);
    }
}
