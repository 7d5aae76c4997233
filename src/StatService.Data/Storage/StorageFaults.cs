using Microsoft.Data.Sqlite;
using Npgsql;

namespace StatService.Data.Storage;

/// <summary>
/// Storage failures that are the machine's, not the request's: a full or read-only disk, a database locked beyond
/// its busy timeout, PostgreSQL down or restarting. The same request succeeds once they pass, so they are answered
/// as "unavailable, try again", never as a fault of the service.
/// </summary>
public static class StorageFaults
{
    // Primary SQLite result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteNoMemory = 7, SqliteReadOnly = 8, SqliteIoError = 10,
        SqliteFull = 13, SqliteCannotOpen = 14, SqliteProtocol = 15;

    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current switch
            {
                SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteNoMemory
                    or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCannotOpen or SqliteProtocol,
                // 08: connection; 53: out of disk, memory or connections; 57P: shut down, restarting, not yet accepting.
                PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
                // Without a server answer: refused or broken connections, pool timeouts.
                NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or System.Net.Sockets.SocketException or TimeoutException,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }
}
