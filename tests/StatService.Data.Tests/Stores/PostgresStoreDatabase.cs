using StatService.Data.Storage;

namespace StatService.Data.Tests.Stores;

/// <summary>A database of its own on the real PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresStoreDatabase : IStoreDatabase
{
    private string _connectionString = string.Empty;

    public async Task CreateAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    public OrderDatabase Open() => new PostgresOrderDatabase(_connectionString);

    public Task DeleteAsync() => PostgresServer.DropDatabaseAsync(_connectionString);
}
