using StatService.Data.Tests.Stores;

namespace StatService.Data.Tests.Notifications;

/// <summary>The outbox contract on a real PostgreSQL server, a fresh database per test.</summary>
public sealed class PostgresNotificationOutboxTests : NotificationOutboxContract<PostgresStoreDatabase>
{
}
