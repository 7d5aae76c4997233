namespace StatService.Data.Orders;

/// <summary>
/// The notification outbox's tables, as migrations of the order store (versions 100-199), in the same portable
/// dialect as <see cref="OrderStoreSql"/>.
/// </summary>
internal static class NotificationStoreSchema
{
    public static readonly IReadOnlyList<(long Version, string[] Statements)> Migrations = [];
}
