using Microsoft.Data.Sqlite;
using StatService.Data.Orders;

namespace StatService.Api.Tests.Stores;

/// <summary>The order store contract on SQLite files (the embedded default).</summary>
public sealed class SqliteOrderStoreContractTests : OrderStoreContract
{
    private readonly string _directory = TemporaryDirectory.Create();

    protected override AdoOrderStore OpenStore() => new SqliteOrderStore(Path.Combine(_directory, SqliteOrderStore.FileName));

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DeleteDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
        return Task.CompletedTask;
    }
}
