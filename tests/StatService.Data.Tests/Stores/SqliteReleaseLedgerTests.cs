namespace StatService.Data.Tests.Stores;

/// <summary>The release ledger contract on SQLite files (the embedded default): BEGIN IMMEDIATE serialises the sessions.</summary>
public sealed class SqliteReleaseLedgerTests : ReleaseLedgerContract<SqliteStoreDatabase>
{
}
