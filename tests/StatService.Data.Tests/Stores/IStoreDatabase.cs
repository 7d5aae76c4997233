using StatService.Data.Storage;

namespace StatService.Data.Tests.Stores;

/// <summary>One test's fresh, empty database of one order database provider (<see cref="SqliteStoreDatabase"/>, <see cref="PostgresStoreDatabase"/>).</summary>
public interface IStoreDatabase
{
    Task CreateAsync();

    /// <summary>This database, opened anew; each call is a separate opening (own pool, own migration check), as separate processes have.</summary>
    OrderDatabase Open();

    Task DeleteAsync();
}
