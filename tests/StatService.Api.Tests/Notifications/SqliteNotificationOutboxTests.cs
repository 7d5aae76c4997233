using StatService.Api.Tests.Stores;

namespace StatService.Api.Tests.Notifications;

/// <summary>The outbox contract on an SQLite file.</summary>
public sealed class SqliteNotificationOutboxTests : NotificationOutboxContract<SqliteStoreDatabase>
{
}
