using StatService.Data.Ledger;
using StatService.Data.Orders;
using StatService.Data.Requesters;
using StatService.Data.Storage;

namespace StatService.Data.Tests.Stores;

/// <summary>
/// Tests that every order database provider must pass: each test gets a fresh, empty <typeparamref name="TDatabase"/>
/// and the stores it opens on it, all disposed with the database afterwards.
/// </summary>
public abstract class StoreContract<TDatabase> : IAsyncLifetime
    where TDatabase : IStoreDatabase, new()
{
    private readonly TDatabase _database = new();
    private readonly List<OrderDatabase> _opened = [];

    /// <summary>The first database, opened before the test starts (not yet migrated: its first use migrates).</summary>
    protected OrderDatabase Database => _opened[0];

    /// <summary>The orders on <see cref="Database"/>.</summary>
    protected AdoOrderStore Store { get; private set; } = null!;

    /// <summary>The release ledger on <see cref="Database"/>.</summary>
    protected AdoReleaseLedger Ledger { get; private set; } = null!;

    /// <summary>The requesters on <see cref="Database"/>.</summary>
    protected AdoRequesterStore Requesters { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
        var first = Open();
        Store = new AdoOrderStore(first);
        Ledger = new AdoReleaseLedger(first);
        Requesters = new AdoRequesterStore(first);
    }

    public async Task DisposeAsync()
    {
        foreach (var opened in _opened.OfType<IAsyncDisposable>())
        {
            await opened.DisposeAsync();
        }

        await _database.DeleteAsync();
    }

    /// <summary>The same database opened again, as another process opens it.</summary>
    protected OrderDatabase Open()
    {
        var opened = _database.Open();
        _opened.Add(opened);
        return opened;
    }

    /// <summary>The orders of another process on this test's database.</summary>
    protected AdoOrderStore OpenOrders() => new(Open());

    /// <summary>The release ledger of another process on this test's database.</summary>
    protected AdoReleaseLedger OpenLedger() => new(Open());
}
