using System.CommandLine;
using StatService.Core.Orders;
using StatService.Data.Requesters;
using StatService.Data.Storage;

namespace StatService.Cli.Commands;

/// <summary>The order database the keys commands open: the service's SQLite file under --data, or PostgreSQL with --postgres.</summary>
internal static class KeysStore
{
    public static Option<DirectoryInfo> DataOption() => new("--data")
    {
        Description = "The service's data directory (Storage:DataDirectory), holding orders.db.",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    };

    public static Option<string?> PostgresOption() => new("--postgres")
    {
        Description = "A PostgreSQL connection string (ConnectionStrings:Orders) instead of the SQLite file.",
    };

    public static OrderDatabase Open(ParseResult parse, Option<DirectoryInfo> data, Option<string?> postgres)
    {
        if (parse.GetValue(postgres) is { Length: > 0 } connectionString)
        {
            return new PostgresOrderDatabase(connectionString);
        }

        var directory = parse.GetValue(data)!;
        directory.Create();
        return new SqliteOrderDatabase(Path.Combine(directory.FullName, SqliteOrderDatabase.FileName));
    }

    public static RequesterKeys Keys(OrderDatabase database) => new(new AdoRequesterStore(database), TimeProvider.System);

    public static async Task CloseAsync(OrderDatabase database)
    {
        if (database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
