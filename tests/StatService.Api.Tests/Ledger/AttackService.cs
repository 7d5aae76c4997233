using System.Net;
using System.Text;
using System.Text.Json;
using StatService.Api.Tests.Stores;

namespace StatService.Api.Tests.Ledger;

/// <summary>What became of one order: delivered with its release, or refused (failed), as its requester sees it over HTTP.</summary>
public sealed record OrderOutcome(AttackOrder Order, string Status, JsonElement? Release, string? Reason = null);

/// <summary>
/// The whole service on a fresh data folder (SQLite) or a fresh PostgreSQL database, with the attack extract; orders go
/// in one at a time over HTTP, as requesters would send them, and each is followed to its end.
/// </summary>
internal sealed class AttackService : IAsyncDisposable
{
    private const string Caseworker = "demo-caseworker";
    private readonly string? _database;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    private AttackService(StatServiceApplication application, string? database)
    {
        Application = application;
        _database = database;
    }

    public StatServiceApplication Application { get; }

    public static async Task<AttackService> StartAsync(string extractsDirectory, string provider)
    {
        var database = provider == "postgresql" ? await PostgresServer.CreateDatabaseAsync() : null;
        var application = new StatServiceApplication { ExtractsDirectory = extractsDirectory };
        application.Settings["RateLimits:Orders:PermitLimit"] = "100000";
        if (database is not null)
        {
            application.Settings["Storage:Provider"] = "postgresql";
            application.Settings["ConnectionStrings:Orders"] = database;
        }

        return new AttackService(application, database);
    }

    public async Task<List<OrderOutcome>> RunAsync(IEnumerable<AttackOrder> orders)
    {
        // A long measuring run (STATSERVICE_ATTACK_ORDERS=300) can be followed: one line per order in this file, as it ends.
        var log = Environment.GetEnvironmentVariable("STATSERVICE_ATTACK_LOG");
        var outcomes = new List<OrderOutcome>();
        foreach (var order in orders)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            outcomes.Add(await RunAsync(order));
            if (!string.IsNullOrEmpty(log))
            {
                var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
                await File.AppendAllTextAsync(log, FormattableString.Invariant($"{outcomes.Count} {outcomes[^1].Status} {seconds:F1} s {order}\n"));
            }
        }

        return outcomes;
    }

    public async Task<OrderOutcome> RunAsync(AttackOrder order)
    {
        if (!_clients.TryGetValue(order.Requester, out var client))
        {
            _clients[order.Requester] = client = Application.CreateClient(order.Requester);
        }

        using var response = await client.PostAsync("/api/orders", new StringContent(order.ServiceBody, Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{order}: {(int)response.StatusCode} {answer}");
        var id = JsonDocument.Parse(answer).RootElement.GetProperty("id").GetGuid();

        // A guard against a stuck run, not a measure: a measuring run with a long history may widen it.
        var minutes = int.TryParse(Environment.GetEnvironmentVariable("STATSERVICE_ATTACK_ORDER_MINUTES"), System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 5;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(minutes);
        while (true)
        {
            using var view = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}"));
            var status = view.RootElement.GetProperty("status").GetString()!;
            if (status == "in_review")
            {
                // A product a caseworker reviews: approved as it stands, as a caseworker would an ordinary request.
                if (!_clients.TryGetValue(Caseworker, out var caseworker))
                {
                    _clients[Caseworker] = caseworker = Application.CreateClient(Caseworker);
                }

                using var approval = await caseworker.PostAsync($"/api/review/orders/{id}/approve", new StringContent("{}", Encoding.UTF8, "application/json"));
                Assert.True(approval.IsSuccessStatusCode, $"{order}: approval {(int)approval.StatusCode} {await approval.Content.ReadAsStringAsync()}");
                continue;
            }

            if (status == "delivered")
            {
                var release = JsonDocument.Parse(await client.GetStringAsync($"/api/orders/{id}/result")).RootElement.Clone();
                return new OrderOutcome(order, status, release);
            }

            if (status is "failed" or "rejected" or "cancelled")
            {
                var reason = new[] { "failureReason", "rejectionReason" }
                    .Select(p => view.RootElement.TryGetProperty(p, out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null)
                    .FirstOrDefault(r => r is not null);
                return new OrderOutcome(order, status, null, reason);
            }

            Assert.True(DateTime.UtcNow < deadline, $"{order} is still {status}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Application.DisposeAsync();
        if (_database is not null)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }
}
