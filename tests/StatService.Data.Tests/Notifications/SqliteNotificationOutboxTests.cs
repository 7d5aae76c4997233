using StatService.Data.Tests.Stores;

namespace StatService.Data.Tests.Notifications;

/// <summary>The outbox contract on an SQLite file.</summary>
public sealed class SqliteNotificationOutboxTests : NotificationOutboxContract<SqliteStoreDatabase>
{
}
