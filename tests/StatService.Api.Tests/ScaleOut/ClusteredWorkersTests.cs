using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StatService.Api.Tests.EndToEnd;
using StatService.Api.Tests.Recovery;
using StatService.Api.Tests.Stores;
using Xunit.Abstractions;

namespace StatService.Api.Tests.ScaleOut;

/// <summary>
/// The production layout as real processes on one real PostgreSQL database: an API process that only takes
/// and schedules orders (Worker:RunJobs=false) and two worker processes in a Quartz cluster. One worker is
/// killed (SIGKILL) while it runs orders; the other notices the missed check-ins, takes over the killed
/// worker's runs, and every order is delivered exactly once.
/// </summary>
public sealed class ClusteredWorkersTests(RecoveryExtract extract, ITestOutputHelper output) : IClassFixture<RecoveryExtract>, IAsyncLifetime
{
    private const string ApiKey = "demo-company";
    private const string TestSteps = "test";
    private const string Victim = "worker-a";
    private const string Survivor = "worker-b";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(420);

    /// <summary>Three times as many orders as the two workers run at once (2 each), so both have work when one is killed.</summary>
    private static readonly string[] Orders = Enumerable.Repeat<string[]>(
        [DocumentedOrder.Body, DocumentedOrder.With("breakdown", """["region", "sex"]""")],
        6).SelectMany(o => o).ToArray();

    private readonly string _dataDirectory = TemporaryDirectory.Create();
    private readonly ServiceLog _log = new();
    private readonly List<ServiceProcess> _processes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private ClusterDatabase _database = null!;

    [Fact]
    public async Task Two_workers_share_the_orders_and_the_survivor_delivers_the_killed_ones_runs_exactly_once()
    {
        try
        {
            await RunAsync();
            output.WriteLine(_log.Text(TestSteps));
        }
        catch
        {
            output.WriteLine(_log.Text());
            throw;
        }
    }

    private async Task RunAsync()
    {
        var api = await StartAsync("api", "StatService.Api.dll", new() { ["Worker:RunJobs"] = "false" });
        var workers = await Task.WhenAll(StartWorkerAsync(Victim), StartWorkerAsync(Survivor));
        var victim = workers[0];

        using var client = api.CreateClient(ApiKey);
        List<Guid> ids = [];
        foreach (var order in Orders)
        {
            ids.Add(await ProcessOrders.SubmitAsync(client, order));
        }

        Note($"accepted {ids.Count} orders through the API process");

        // Kill the victim while it runs an order, once both workers have run one: the cluster shares the work.
        var ranOrders = await WaitUntilBothWorkersRunAndTheVictimIsBusyAsync();
        await victim.KillAsync();
        var interrupted = (await _database.ExecutingRunsAsync()).Where(run => run.Instance == Victim).Select(run => run.OrderId).ToHashSet();
        var atKill = await _database.StatusesAsync();
        Note($"killed {Victim}; it was running {string.Join(", ", interrupted)}; ran before: {string.Join(", ", ranOrders.Select(r => $"{r.Key}={r.Value.Count}"))}");
        // Fired runs are queued (just fired) or running at the kill; one the victim had just delivered (its
        // trigger not yet completed) is recovered too, and must change nothing.
        var unfinished = interrupted.Where(id => atKill[id] != "delivered").ToHashSet();
        Assert.True(unfinished.Count > 0, "The victim had delivered every order it held; the kill interrupted nothing.");

        await WaitForAllDeliveredAsync(client, ids);
        Note("all delivered");

        // Every order delivered once: one result row, and one delivery across both workers' logs.
        var results = await _database.ResultCountsAsync();
        Assert.All(ids, id => Assert.Equal(1, results.GetValueOrDefault(id)));
        Assert.Equal(ids.Count, results.Count);
        var deliveries = ids.ToDictionary(id => id, id => Workers.Sum(worker => Count(_log.Text(worker), $"Order {id} delivered from extract")));
        Assert.All(deliveries, delivery => Assert.True(delivery.Value <= 1, $"Order {delivery.Key} was delivered {delivery.Value} times."));

        // The runs the victim held were taken over by the survivor through Quartz's cluster recovery, not by the sweeper.
        var survivorLog = _log.Text(Survivor);
        foreach (var id in interrupted)
        {
            Assert.Contains($"Order {id} is run again after an interrupted run", survivorLog, StringComparison.Ordinal);
            Assert.Equal(unfinished.Contains(id) ? 1 : 0, Count(survivorLog, $"Order {id} delivered from extract"));
        }

        Assert.DoesNotContain("without a scheduled run; scheduled it again", _log.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(Victim, await _database.CheckedInInstancesAsync());

        using var response = await client.GetAsync($"api/orders/{unfinished.First()}/result");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(extract.Version, result.RootElement.GetProperty("extractVersion").GetString());
    }

    private static IEnumerable<string> Workers => [Victim, Survivor];

    /// <summary>Polls Quartz's fired triggers until each worker has run an order and the victim runs one now.</summary>
    private async Task<Dictionary<string, HashSet<Guid>>> WaitUntilBothWorkersRunAndTheVictimIsBusyAsync()
    {
        var ran = Workers.ToDictionary(worker => worker, _ => new HashSet<Guid>());
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var executing = await _database.ExecutingRunsAsync();
            foreach (var (instance, orderId) in executing)
            {
                ran.GetValueOrDefault(instance)?.Add(orderId);
            }

            if (ran.Values.All(orders => orders.Count > 0) && executing.Any(run => run.Instance == Victim))
            {
                return ran;
            }

            if (waited.Elapsed > DeliveryPatience)
            {
                throw new TimeoutException($"The two workers did not both run orders within {DeliveryPatience.TotalSeconds:0} s: "
                    + string.Join(", ", ran.Select(r => $"{r.Key} ran {r.Value.Count}")));
            }

            await Task.Delay(20);
        }
    }

    private Task<ServiceProcess> StartWorkerAsync(string instance) => StartAsync(instance, ServiceProcess.WorkerAssembly, new()
    {
        ["Worker:InstanceId"] = instance,
        // Short check-ins, so the survivor takes over within seconds of the kill.
        ["Worker:ClusterCheckinInterval"] = "00:00:01",
        ["Worker:ClusterCheckinMisfireThreshold"] = "00:00:01",
        // Quartz alone must recover the killed worker's runs; the sweeper would hide a lost run.
        ["Worker:SweepInterval"] = "01:00:00",
        // Two workers share the machine's cores; each query on one thread keeps them from starving each other.
        ["Extracts:Threads"] = "1",
    });

    private async Task<ServiceProcess> StartAsync(string name, string assembly, Dictionary<string, string> settings)
    {
        settings["Storage:Provider"] = "postgresql";
        settings["ConnectionStrings:Orders"] = _database.ConnectionString;
        settings["Worker:SchedulerName"] = "StatService";
        var process = ServiceProcess.Start(name, _dataDirectory, extract.Directory, _log, assembly, settings);
        _processes.Add(process);
        await process.WaitUntilHealthyAsync(StartPatience);
        Note($"{name} is healthy at {process.BaseAddress}");
        return process;
    }

    private static async Task WaitForAllDeliveredAsync(HttpClient client, List<Guid> ids)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var statuses = await ProcessOrders.StatusesAsync(client, ids);
            Assert.False(statuses.ContainsValue("failed"), "An order failed: " + ProcessOrders.Describe(statuses));
            if (statuses.Values.All(status => status == "delivered"))
            {
                return;
            }

            if (waited.Elapsed > DeliveryPatience)
            {
                throw new TimeoutException($"Not every order was delivered within {DeliveryPatience.TotalSeconds:0} s: {ProcessOrders.Describe(statuses)}");
            }

            await Task.Delay(200);
        }
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private void Note(string message) => _log.Add(TestSteps, $"{_clock.Elapsed.TotalSeconds:0.0}s", message);

    public async Task InitializeAsync() => _database = new ClusterDatabase(await PostgresServer.CreateDatabaseAsync());

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        await PostgresServer.DropDatabaseAsync(_database.ConnectionString);
        TemporaryDirectory.Delete(_dataDirectory);
    }
}
