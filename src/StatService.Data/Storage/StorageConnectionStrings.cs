using Microsoft.Extensions.Configuration;

namespace StatService.Data.Storage;

/// <summary>
/// The PostgreSQL connection strings, from the standard <c>ConnectionStrings</c> section (environment:
/// <c>ConnectionStrings__Orders</c>). Quartz shares the order database unless <c>ConnectionStrings:Quartz</c> is set.
/// </summary>
public static class StorageConnectionStrings
{
    public const string OrdersName = "Orders";
    public const string QuartzName = "Quartz";

    public static string? Orders(IConfiguration configuration) => NonEmpty(configuration.GetConnectionString(OrdersName));

    public static string? Quartz(IConfiguration configuration) =>
        NonEmpty(configuration.GetConnectionString(QuartzName)) ?? Orders(configuration);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
