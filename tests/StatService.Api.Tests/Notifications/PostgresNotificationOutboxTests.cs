using StatService.Api.Tests.Stores;

namespace StatService.Api.Tests.Notifications;

/// <summary>The outbox contract on a real PostgreSQL server, a fresh database per test.</summary>
public sealed class PostgresNotificationOutboxTests : NotificationOutboxContract<PostgresStoreDatabase>
{
}
