using StatService.Data.Orders;

namespace StatService.Api.Tests.Stores;

/// <summary>One test's fresh, empty database of one order store provider (<see cref="SqliteStoreDatabase"/>, <see cref="PostgresStoreDatabase"/>).</summary>
public interface IStoreDatabase
{
    Task CreateAsync();

    /// <summary>A new store on this database; each call is a separate store, as separate processes have.</summary>
    AdoOrderStore OpenStore();

    Task DeleteAsync();
}
