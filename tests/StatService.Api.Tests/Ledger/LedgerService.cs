using Microsoft.Extensions.DependencyInjection;
using StatService.Api.Tests.Stores;
using StatService.Core.Ledger;
using StatService.Data.Ledger;

namespace StatService.Api.Tests.Ledger;

/// <summary>The whole service on the hand-made extract with an empty ledger: on SQLite files, or on a fresh PostgreSQL database.</summary>
internal sealed class LedgerService : IAsyncDisposable
{
    private readonly string? _database;

    private LedgerService(StatServiceApplication application, string? database)
    {
        Application = application;
        _database = database;
    }

    public StatServiceApplication Application { get; }

    /// <param name="ledger">Wraps the service's ledger, to hold a check at a chosen point.</param>
    public static async Task<LedgerService> StartAsync(LedgerExtract extract, string provider, Func<IReleaseLedger, IReleaseLedger>? ledger = null)
    {
        var database = provider == "postgresql" ? await PostgresServer.CreateDatabaseAsync() : null;
        var application = new StatServiceApplication
        {
            ExtractsDirectory = extract.Directory,
            TestServices = ledger is null
                ? null
                : services => services.AddSingleton(sp => ledger(sp.GetRequiredService<AdoReleaseLedger>())),
        };
        if (database is not null)
        {
            application.Settings["Storage:Provider"] = "postgresql";
            application.Settings["ConnectionStrings:Orders"] = database;
        }

        return new LedgerService(application, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Application.DisposeAsync();
        if (_database is not null)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }
}
