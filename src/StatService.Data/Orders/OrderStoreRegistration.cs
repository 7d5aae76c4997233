using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatService.Core.Orders;
using StatService.Data.Storage;

namespace StatService.Data.Orders;

public static class OrderStoreRegistration
{
    /// <summary>
    /// Registers <see cref="IOrderStore"/> on <c>orders.db</c> in the data directory (<c>Storage:DataDirectory</c>),
    /// with a readiness check. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddOrderStore(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(AdoOrderStore)))
        {
            return builder;
        }

        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<AdoOrderStore>(services =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var directory = storage.ResolveDataDirectory(contentRoot);
            return new SqliteOrderStore(Path.Combine(directory, SqliteOrderStore.FileName), services.GetService<TimeProvider>());
        });
        builder.Services.TryAddSingleton<IOrderStore>(services => services.GetRequiredService<AdoOrderStore>());

        builder.Services.AddHealthChecks().AddCheck<OrderStoreHealthCheck>("order-store", tags: ["ready"]);
        return builder;
    }
}
