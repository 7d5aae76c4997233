namespace StatService.Data.Tests.Stores;

/// <summary>The order store contract on a real PostgreSQL server, a fresh database per test.</summary>
public sealed class PostgresOrderStoreContractTests : OrderStoreContract<PostgresStoreDatabase>
{
}
