using StatService.Data.Orders;

namespace StatService.Api.Tests.Stores;

/// <summary>
/// Tests that every order store provider must pass: each test gets a fresh, empty <typeparamref name="TDatabase"/>
/// and the stores it opens on it, all disposed with the database afterwards.
/// </summary>
public abstract class StoreContract<TDatabase> : IAsyncLifetime
    where TDatabase : IStoreDatabase, new()
{
    private readonly TDatabase _database = new();
    private readonly List<AdoOrderStore> _stores = [];

    /// <summary>The first store, opened before the test starts (not yet migrated: its first use migrates).</summary>
    protected AdoOrderStore Store => _stores[0];

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
        Open();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores.OfType<IAsyncDisposable>())
        {
            await store.DisposeAsync();
        }

        await _database.DeleteAsync();
    }

    /// <summary>Another store on this test's database, as another process has.</summary>
    protected AdoOrderStore Open()
    {
        var store = _database.OpenStore();
        _stores.Add(store);
        return store;
    }
}
