using StatService.Api.Tests.Stores;
using StatService.Data.Orders;

namespace StatService.Api.Tests.Notifications;

/// <summary>The outbox contract on a real PostgreSQL server, a fresh database per test.</summary>
public sealed class PostgresNotificationOutboxTests : NotificationOutboxContract
{
    private string _connectionString = string.Empty;

    protected override AdoOrderStore OpenStore() => new PostgresOrderStore(_connectionString);

    protected override async Task CreateDatabaseAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync();

    protected override Task DeleteDatabaseAsync() => PostgresServer.DropDatabaseAsync(_connectionString);
}
