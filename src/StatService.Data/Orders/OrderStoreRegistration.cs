using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Ledger;
using StatService.Data.Notifications;
using StatService.Data.Requesters;
using StatService.Data.Storage;

namespace StatService.Data.Orders;

public static class OrderStoreRegistration
{
    /// <summary>
    /// Registers the order database on the configured provider (<c>Storage:Provider</c>): <c>orders.db</c> in the data
    /// directory (<c>Storage:DataDirectory</c>, the default) or PostgreSQL (<c>ConnectionStrings:Orders</c>), validated on
    /// start, migrated before the process takes work, with a readiness check; and one store per job on it (orders, the
    /// release ledger, requesters, the notification outbox), all sharing its single <see cref="OrderDatabase"/> so one
    /// pool and one set of SQLite settings serve them all. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddOrderStore(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(OrderDatabase)))
        {
            return builder;
        }

        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OrderDatabase>(services =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var time = services.GetService<TimeProvider>();
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                var connectionString = StorageConnectionStrings.Orders(services.GetRequiredService<IConfiguration>())
                    ?? throw new InvalidOperationException("ConnectionStrings:Orders is required when Storage:Provider is postgresql.");
                return new PostgresOrderDatabase(connectionString, time);
            }

            var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var directory = storage.ResolveDataDirectory(contentRoot);
            return new SqliteOrderDatabase(Path.Combine(directory, SqliteOrderDatabase.FileName), time, storage.BusyTimeout);
        });
        builder.Services.AddSingleton(services => new AdoOrderStore(services.GetRequiredService<OrderDatabase>(), services.GetService<TimeProvider>()));
        builder.Services.AddSingleton(services => new AdoReleaseLedger(services.GetRequiredService<OrderDatabase>()));
        builder.Services.AddSingleton(services => new AdoRequesterStore(services.GetRequiredService<OrderDatabase>()));
        builder.Services.AddSingleton(services => new AdoNotificationOutbox(services.GetRequiredService<OrderDatabase>()));
        builder.Services.TryAddSingleton<IOrderStore>(services => services.GetRequiredService<AdoOrderStore>());
        builder.Services.TryAddSingleton<IReleaseLedger>(services => services.GetRequiredService<AdoReleaseLedger>());

        // Before any hosted service that takes work (Quartz, the sweeper): they are registered after this one.
        builder.Services.AddHostedService<OrderStoreStartup>();
        builder.Services.AddHealthChecks().AddCheck<OrderStoreHealthCheck>("order-store", tags: ["ready"]);
        if (StorageOptions.ReadProvider(builder.Configuration) == StorageProvider.Sqlite)
        {
            builder.Services.AddSingleton(services => (SqliteOrderDatabase)services.GetRequiredService<OrderDatabase>());
            builder.Services.AddHealthChecks().AddCheck<OrderStoreDiskHealthCheck>("order-store-disk", tags: ["ready"]);
        }
        return builder;
    }
}
