using Microsoft.Data.Sqlite;
using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Data.Storage;

namespace StatService.Data.Tests.Stores;

/// <summary>
/// Upgrading SQLite files written by earlier releases (only SQLite had them); what every provider must do is in
/// <see cref="OrderStoreContract"/>.
/// </summary>
public sealed class SqliteOrderStoreUpgradeTests : IDisposable
{
    private readonly string _directory = TemporaryDirectory.Create();

    [Fact]
    public async Task A_database_from_before_the_history_gets_one_entry_per_order()
    {
        var path = Path.Combine(_directory, "v1.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE order_store_migrations (version BIGINT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL);
                INSERT INTO order_store_migrations VALUES (1, 0);
                CREATE TABLE orders (id TEXT NOT NULL PRIMARY KEY, product TEXT NOT NULL, parameters_json TEXT NOT NULL,
                    requester_id TEXT NOT NULL, status TEXT NOT NULL, submitted_at BIGINT NOT NULL, queued_at BIGINT NULL,
                    started_at BIGINT NULL, delivered_at BIGINT NULL, failed_at BIGINT NULL, failure_reason TEXT NULL, extract_version TEXT NULL);
                CREATE TABLE order_results (order_id TEXT NOT NULL PRIMARY KEY REFERENCES orders (id), json TEXT NOT NULL, csv TEXT NOT NULL, created_at BIGINT NOT NULL);
                INSERT INTO orders (id, product, parameters_json, requester_id, status, submitted_at)
                VALUES ('00000000-0000-0000-0000-000000000001', 'patient-count', '{}', 'demo-company', 'delivered', 1000),
                       ('00000000-0000-0000-0000-000000000002', 'patient-count', '{}', 'demo-company', 'queued', 2000);
                """;
            command.ExecuteNonQuery();
        }

        var store = new AdoOrderStore(new SqliteOrderDatabase(path));
        var history = await store.ListHistoryAfterAsync(0, 10, CancellationToken.None);
        var next = new Order
        {
            Id = Guid.NewGuid(),
            Product = "patient-count",
            ParametersJson = """{"diagnoses":{"include":["DE11"]}}""",
            RequesterId = "demo-company",
            SubmittedAt = new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero),
        };
        await store.CreateAsync(next, CancellationToken.None);

        Assert.Equal([(1L, OrderStatus.Delivered), (2L, OrderStatus.Queued)], history.Select(h => (h.Sequence, h.To)));
        Assert.Equal(OrderChannel.Api, (await store.GetAsync(Guid.Parse("00000000-0000-0000-0000-000000000001"), CancellationToken.None))?.Channel);
        Assert.Equal(3, Assert.Single(await store.GetHistoryAsync(next.Id, CancellationToken.None)).Sequence);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TemporaryDirectory.Delete(_directory);
    }
}
