using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StatService.Api.Tests.Stores;
using StatService.Api.Tests.TestDoubles;
using StatService.Core.Orders;

namespace StatService.Api.Tests.StorageOutages;

/// <summary>
/// The real PostgreSQL goes away (every connection cut, new ones refused) and comes back: orders meanwhile are
/// answered 503 problem+json with Retry-After and /health is Unhealthy; afterwards orders are taken again, and every
/// accepted one is delivered, none of the refused ones stored.
/// </summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task While_postgresql_is_down_orders_get_503_and_once_it_is_back_nothing_is_lost()
    {
        await using var postgres = await RelayedPostgres.StartAsync();
        var relay = postgres.Relay;
        await using var application = postgres.Application();
        using var client = application.CreateClient("demo-journalist");
        var accepted = new List<Guid> { await StatServiceApplication.SubmitAsync(client) };

        await relay.StopAsync();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var refused = await PostAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        }

        using (var health = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        relay.Start();
        accepted.Add(await SubmitWhenBackAsync(client));

        foreach (var id in accepted)
        {
            await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        }

        var stored = await application.Services.GetRequiredService<IOrderStore>().ListAsync(null, null, 100, CancellationToken.None);
        Assert.Equal(accepted.Order(), stored.Select(o => o.Id).Order());
    }

    /// <summary>
    /// An order whose run is under way when PostgreSQL goes away cannot record its result; its job keeps trying and
    /// delivers it once the store is back, with no sweep (the test application sweeps once an hour).
    /// </summary>
    [Fact]
    public async Task An_order_running_when_postgresql_goes_away_is_delivered_once_it_is_back()
    {
        await using var postgres = await RelayedPostgres.StartAsync();
        var relay = postgres.Relay;
        await using var application = postgres.Application();
        using var client = application.CreateClient("demo-journalist");
        var id = await StatServiceApplication.SubmitAsync(client, FixedResultPipeline.HeldProduct);
        await StatServiceApplication.WaitForStatusAsync(client, id, "running");

        await relay.StopAsync();
        application.Pipeline.ReleaseHeld();
        // The run now fails to store its result; give it time to meet the outage before the store returns.
        await Task.Delay(TimeSpan.FromSeconds(2));
        relay.Start();

        await StatServiceApplication.WaitForStatusAsync(client, id, "delivered");
        using var result = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result"));
        Assert.Equal(id, result.RootElement.GetProperty("orderId").GetGuid());
    }

    /// <summary>
    /// A database of its own on the real PostgreSQL, reached through a relay the test can cut and restore; the service is
    /// pointed at the relay. Disposing drops the database, then closes the relay.
    /// </summary>
    private sealed class RelayedPostgres : IAsyncDisposable
    {
        private readonly string _database;

        private RelayedPostgres(string database, TcpRelay relay)
        {
            _database = database;
            Relay = relay;
        }

        public TcpRelay Relay { get; }

        public static async Task<RelayedPostgres> StartAsync()
        {
            var database = await PostgresServer.CreateDatabaseAsync();
            var direct = new NpgsqlConnectionStringBuilder(database);
            var relay = new TcpRelay(direct.Host!, direct.Port);
            relay.Start();
            return new RelayedPostgres(database, relay);
        }

        public StatServiceApplication Application()
        {
            var relayed = new NpgsqlConnectionStringBuilder(_database) { Host = "127.0.0.1", Port = Relay.Port, Timeout = 3 }.ConnectionString;
            return new StatServiceApplication { Settings = { ["Storage:Provider"] = "postgresql", ["ConnectionStrings:Orders"] = relayed } };
        }

        public async ValueTask DisposeAsync()
        {
            await PostgresServer.DropDatabaseAsync(_database);
            await Relay.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/orders", new { product = FixedResultPipeline.Product, parameters = new { years = new[] { 2022 } } });

    /// <summary>The first request after the restart may still meet a connection cut by it: 503 again, then 202.</summary>
    private static async Task<Guid> SubmitWhenBackAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + StatServiceApplication.Patience;
        while (true)
        {
            using var response = await PostAsync(client);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "Orders were not taken again after PostgreSQL came back.");
            await Task.Delay(200);
        }
    }
}
