using StatService.Data.Orders;

namespace StatService.Api.Tests.Stores;

/// <summary>A database of its own on the real PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresStoreDatabase : IStoreDatabase
{
    private string _connectionString = string.Empty;

    public async Task CreateAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    public AdoOrderStore OpenStore() => new PostgresOrderStore(_connectionString);

    public Task DeleteAsync() => PostgresServer.DropDatabaseAsync(_connectionString);
}
