using StatService.Data.Orders;

namespace StatService.Api.Tests.Stores;

/// <summary>The order store contract on a real PostgreSQL server, a fresh database per test.</summary>
public sealed class PostgresOrderStoreContractTests : OrderStoreContract
{
    private string _connectionString = string.Empty;

    protected override AdoOrderStore OpenStore() => new PostgresOrderStore(_connectionString);

    protected override async Task CreateDatabaseAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    protected override Task DeleteDatabaseAsync() => PostgresServer.DropDatabaseAsync(_connectionString);
}
