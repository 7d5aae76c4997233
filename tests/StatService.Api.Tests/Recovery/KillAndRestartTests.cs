using System.Diagnostics;
using System.Net;
using System.Text.Json;
using StatService.Api.Tests.EndToEnd;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Recovery;

/// <summary>
/// The real service as its own OS process, killed with SIGKILL while orders are queued and running, then
/// started again on the same data directory: every order is delivered, with exactly one stored result.
/// A graceful stop is covered in-process by <see cref="RestartTests"/>; this is the crash.
/// </summary>
public sealed class KillAndRestartTests(RecoveryExtract extract, ITestOutputHelper output) : IClassFixture<RecoveryExtract>, IDisposable
{
    private const string ApiKey = "demo-company";

    /// <summary>The name the test's own steps have in the log.</summary>
    private const string TestSteps = "test";

    /// <summary>What the restarted service logs when Quartz hands it a job that was running at the kill.</summary>
    private const string RecoveredRun = "is run again after an interrupted run";

    /// <summary>
    /// What the sweeper logs when it re-schedules an order whose Quartz job is gone. Every order here was
    /// scheduled before its 202, so Quartz alone must bring each one back; the sweeper is only a safety net,
    /// and a late one (every 30 s) that would hide a lost job behind a generous deadline.
    /// </summary>
    private const string SweeperRescheduled = "without a scheduled run; scheduled it again";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    // Sixteen orders on two worker threads while the other test assemblies load both cores: three minutes were not always
    // enough. The test is about each order being delivered exactly once after a kill, not about speed: it waits long.
    private static readonly TimeSpan DeliveryPatience = TimeSpan.FromSeconds(420);

    /// <summary>
    /// Sixteen orders, far more than Worker:MaxConcurrency (2), so that work is queued and running at every kill
    /// even though one order takes a fraction of a second: the region x sex ones finish first, so one order is
    /// delivered early while the rest are still in flight.
    /// </summary>
    private static readonly string[] Orders = Enumerable.Repeat<string[]>(
        [
            DocumentedOrder.With("breakdown", """["region", "sex"]"""),
            DocumentedOrder.Body,
            DocumentedOrder.Body,
            DocumentedOrder.With("breakdown", """["region", "sex"]"""),
        ],
        4).SelectMany(o => o).ToArray();

    private readonly string _dataDirectory = TemporaryDirectory.Create();
    private readonly ServiceLog _log = new();
    private readonly List<ServiceProcess> _processes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public enum KillMoment
    {
        /// <summary>As soon as the last order is accepted (202): orders just stored, queued, or just fired.</summary>
        RightAfterAcceptance,

        /// <summary>Once the first order is delivered: the others are running or still queued.</summary>
        AfterFirstDelivery,

        /// <summary>
        /// Once an order is running; then the restarted service is killed too, 300 ms after it starts re-running an
        /// interrupted order: the recovered run must itself be recoverable.
        /// </summary>
        AgainWhileRecovering,
    }

    [Theory]
    [InlineData(KillMoment.RightAfterAcceptance)]
    [InlineData(KillMoment.AfterFirstDelivery)]
    [InlineData(KillMoment.AgainWhileRecovering)]
    public async Task Orders_in_flight_when_the_process_is_killed_are_each_delivered_once_after_the_restart(KillMoment moment)
    {
        try
        {
            await KillAndRestartAsync(moment);
            output.WriteLine(_log.Text(TestSteps));
        }
        catch
        {
            // The services' own account, interleaved with the test's steps.
            output.WriteLine(_log.Text());
            throw;
        }
    }

    private async Task KillAndRestartAsync(KillMoment moment)
    {
        var first = await StartAsync("first");
        List<Guid> ids = [];
        using (var client = first.CreateClient(ApiKey))
        {
            foreach (var order in Orders)
            {
                ids.Add(await ProcessOrders.SubmitAsync(client, order));
            }

            Note($"accepted {ids.Count} orders");
            switch (moment)
            {
                case KillMoment.AfterFirstDelivery:
                    await WaitForAnyAsync(client, ids, "delivered");
                    break;
                case KillMoment.AgainWhileRecovering:
                    await WaitForAnyAsync(client, ids, "running");
                    break;
            }
        }

        var atKill = await KillAsync(first, ids);
        if (moment == KillMoment.AfterFirstDelivery)
        {
            Assert.Contains("delivered", atKill.Values);
        }

        var survivor = await StartAsync("second");
        if (moment == KillMoment.AgainWhileRecovering)
        {
            Assert.Contains("running", atKill.Values);
            await _log.WaitForAsync("second", RecoveredRun, DeliveryPatience);
            await Task.Delay(300);
            await KillAsync(survivor, ids);
            survivor = await StartAsync("third");
        }

        using var again = survivor.CreateClient(ApiKey);
        await WaitForAllDeliveredAsync(survivor, again, ids);
        Note("all delivered");

        foreach (var id in ids)
        {
            using var response = await again.GetAsync($"api/orders/{id}/result");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(id, result.RootElement.GetProperty("orderId").GetGuid());
            Assert.Equal(extract.Version, result.RootElement.GetProperty("extractVersion").GetString());
        }

        var results = StoredOrders.ResultCounts(_dataDirectory);
        Assert.All(ids, id => Assert.Equal(1, results.GetValueOrDefault(id)));
        Assert.Equal(ids.Count, results.Count);
        Assert.False(_log.Text().Contains(SweeperRescheduled, StringComparison.Ordinal), "Quartz lost a job at the kill; the sweeper had to schedule it again.");
    }

    private async Task<ServiceProcess> StartAsync(string name)
    {
        var process = ServiceProcess.Start(name, _dataDirectory, extract.Directory, _log);
        _processes.Add(process);
        await process.WaitUntilHealthyAsync(StartPatience);
        Note($"{name} is healthy at {process.BaseAddress}");
        return process;
    }

    /// <summary>Kills the process and returns the orders' statuses as it left them, read from its database.</summary>
    private async Task<Dictionary<Guid, string>> KillAsync(ServiceProcess process, List<Guid> ids)
    {
        await process.KillAsync();
        var statuses = StoredOrders.Statuses(_dataDirectory);
        Note("at the kill: " + string.Join(", ", ids.Select(id => $"{id}={statuses[id]}")));
        Assert.True(
            ids.Any(id => statuses[id] != "delivered"),
            "Every order was delivered before the kill, so it interrupted nothing; the orders have become too quick for this test.");
        return statuses;
    }

    private async Task WaitForAnyAsync(HttpClient client, List<Guid> ids, string status)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var statuses = await ProcessOrders.StatusesAsync(client, ids);
            if (statuses.ContainsValue(status))
            {
                Note($"an order is {status}");
                return;
            }

            if (waited.Elapsed > DeliveryPatience)
            {
                throw new TimeoutException($"No order became {status} within {DeliveryPatience.TotalSeconds:0} s: {ProcessOrders.Describe(statuses)}");
            }

            await Task.Delay(20);
        }
    }

    private static async Task WaitForAllDeliveredAsync(ServiceProcess service, HttpClient client, List<Guid> ids)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(service.HasExited, "The restarted service exited.");
            var statuses = await ProcessOrders.StatusesAsync(client, ids);
            Assert.False(statuses.ContainsValue("failed"), $"An order failed after the restart: {ProcessOrders.Describe(statuses)}");
            if (statuses.Values.All(status => status == "delivered"))
            {
                return;
            }

            if (waited.Elapsed > DeliveryPatience)
            {
                throw new TimeoutException($"Not every order was delivered within {DeliveryPatience.TotalSeconds:0} s of the restart: {ProcessOrders.Describe(statuses)}");
            }

            await Task.Delay(200);
        }
    }

    private void Note(string message) => _log.Add(TestSteps, $"{_clock.Elapsed.TotalSeconds:0.0}s", message);

    public void Dispose()
    {
        // Killed even when the test failed: no service outlives its test.
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        TemporaryDirectory.Delete(_dataDirectory);
    }
}
