namespace StatService.Data.Tests.Stores;

/// <summary>The order store contract on SQLite files (the embedded default).</summary>
public sealed class SqliteOrderStoreContractTests : OrderStoreContract<SqliteStoreDatabase>
{
}
