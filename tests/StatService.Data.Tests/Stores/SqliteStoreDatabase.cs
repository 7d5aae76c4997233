using Microsoft.Data.Sqlite;
using StatService.Data.Storage;

namespace StatService.Data.Tests.Stores;

/// <summary>An SQLite file (the embedded default) in a directory of its own.</summary>
public sealed class SqliteStoreDatabase : IStoreDatabase
{
    private readonly string _directory = TemporaryDirectory.Create();

    public Task CreateAsync() => Task.CompletedTask;

    public OrderDatabase Open() => new SqliteOrderDatabase(Path.Combine(_directory, SqliteOrderDatabase.FileName));

    public Task DeleteAsync()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}
