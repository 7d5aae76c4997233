using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Extracts;
using StatService.Data.Ledger;
using StatService.Data.Orders;
using StatService.Data.Storage;
using StatService.Disclosure.AcrossReleases;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice bench ledger --history 0,1000,10000</c>: how one order's ledger check grows with the history of the
/// extract version. Histories are made straight in a real order store (SQLite in a temporary folder): real orders of
/// the grammar are run once each, without a ledger, for their person sets (the templates); each recorded release is a
/// template with the new order's persons (and, in the related case, the related releases' persons) taken out, so
/// it meets nothing of the check (<see cref="UnrelatedReleases"/>). The new order is the patient-count example. Case
/// (a): the history is unrelated. Case (b): five real patient-count releases of the grammar (that meet the new order)
/// are recorded first, then the unrelated ones. Each timed check runs the whole pipeline and ends its ledger session
/// without a commit, so the history stays as built. Per size the first check is also timed in a fresh process (a new
/// ledger instance) without and with the worker's warm-up (<see cref="LedgerWarmup"/>: the history read before the first
/// order), and the heap then holds one history.
/// </summary>
internal static class BenchLedgerHistory
{
    private const int Related = 5;

    public static async Task RunAsync(DirectoryInfo extractFolder, IReadOnlyList<int> sizes, int repeats, int templateCount, int seed, CancellationToken ct)
    {
        var manifest = ExtractManifest.Read(extractFolder.FullName);
        var version = manifest.ExtractVersion;
        var capture = new CapturingLedger();
        using var offline = new OfflinePipeline(extractFolder.Parent!.FullName, version, capture, new JointReleaseAudit());
        var examples = offline.Catalogue.Ids.ToDictionary(id => id, id => offline.Catalogue.Find(id)!.Example.GetRawText(), StringComparer.Ordinal);
        var grammar = new LedgerOrderGrammar(examples, manifest.CoverageFrom, manifest.CoverageTo, seed);
        Console.WriteLine($"extract {version} ({manifest.Persons:N0} persons), history {string.Join(", ", sizes)}, {repeats} checks each, {templateCount} templates, seed {seed}, {Environment.ProcessorCount} cores");

        // The new order: the patient-count example moved into the extract's last year (the grammar's dates, no mutation).
        var newBody = NewOrderBody(examples["patient-count"], manifest.CoverageTo);
        var newOrder = Validate(offline, newBody, version) ?? throw new InvalidOperationException("The patient-count example is not valid on this extract.");
        var newPersons = await CaptureAsync(offline, capture, newOrder, ct) ?? throw new InvalidOperationException("The new order recorded nothing.");
        var related = new List<ReleasePersons>();
        var templates = new List<ReleasePersons>();
        while (related.Count < Related || templates.Count < templateCount)
        {
            using var document = JsonDocument.Parse(grammar.Next());
            var order = Validate(offline, document.RootElement.GetRawText(), version);
            if (order is null || (order.Product == "patient-count" && related.Count >= Related && templates.Count >= templateCount))
            {
                continue;
            }

            var persons = await CaptureAsync(offline, capture, order, ct);
            if (persons is null)
            {
                continue;
            }

            (order.Product == "patient-count" && related.Count < Related ? related : templates).Add(persons);
        }

        var cases = new[]
        {
            (Name: "a unrelated", Prefix: new List<ReleasePersons>()),
            (Name: "b 5 related", Prefix: related),
        };
        foreach (var (name, prefix) in cases)
        {
            var excluded = new bool[Math.Max((int)(manifest.Persons ?? 0), 1 + MaxPerson([newPersons, .. prefix, .. templates]))];
            UnrelatedReleases.Mark(newPersons, excluded);
            foreach (var release in prefix)
            {
                UnrelatedReleases.Mark(release, excluded);
            }

            var fill = templates.Select(t => UnrelatedReleases.Without(t, excluded)).ToList();
            var payloads = fill.Select(f => Convert.ToBase64String(ReleasePersonsCodec.Encode(f)).Length).ToList();
            var (folded, blocks) = UnrelatedReleases.SkippableBySummary([.. fill.SelectMany(f => f.Tables)], excluded, 4096, 64);
            var fillTables = fill.Sum(f => f.Tables.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"case {name}: new order {newPersons.Tables.Sum(t => t.Inner.Sum(i => i.Length)):N0} person entries; unrelated releases {payloads.Average() / 1024:F1} KiB stored each (base64), {fill.Average(f => f.Tables.Sum(t => t.Inner.Sum(i => i.Length))):N0} person entries each; " +
                $"a per-table summary would let a check skip {folded} of {fillTables} of their tables (4096-bit folded bitset) or {blocks} (blocks of 64 places)"));
            await MeasureCaseAsync(extractFolder, version, newOrder, prefix, fill, sizes, repeats, ct);
        }
    }

    private static async Task MeasureCaseAsync(
        DirectoryInfo extractFolder, string version, Order newOrder, List<ReleasePersons> prefix, List<ReleasePersons> fill, IReadOnlyList<int> sizes,
        int repeats, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("statservice-bench-ledger-");
        try
        {
            var database = new SqliteOrderDatabase(Path.Combine(folder.FullName, SqliteOrderDatabase.FileName));
            var store = new AdoOrderStore(database);
            var writer = new AdoReleaseLedger(database);
            foreach (var release in prefix)
            {
                await RecordAsync(store, writer, version, release, ct);
            }

            var audit = new TimedAudit(new JointReleaseAudit());
            var ledger = new RollbackLedger(new AdoReleaseLedger(database));
            using var offline = new OfflinePipeline(extractFolder.Parent!.FullName, version, ledger, audit);
            await offline.Pipeline.RunAsync(newOrder with { Id = Guid.NewGuid() }, ct); // JIT and the extract's first open
            var recorded = 0;
            foreach (var size in sizes)
            {
                var filling = Stopwatch.GetTimestamp();
                var filled = recorded;
                for (; recorded < size; recorded++)
                {
                    await RecordAsync(store, writer, version, fill[recorded % fill.Count], ct);
                }

                var fillSeconds = Stopwatch.GetElapsedTime(filling).TotalSeconds;
                ledger.Inner = new AdoReleaseLedger(database);
                var cold = await TimeAsync(offline, ledger, audit, newOrder, ct);

                // A fresh process again, now with the worker's warm-up: the history is read before the first order.
                ledger.Inner = new AdoReleaseLedger(database);
                var warming = Stopwatch.GetTimestamp();
                await ledger.Inner.EarlierReleasesAsync(version, Guid.Empty, ct);
                var warmupMilliseconds = Stopwatch.GetElapsedTime(warming).TotalMilliseconds;
                var afterWarmup = await TimeAsync(offline, ledger, audit, newOrder, ct);
                var warm = new List<(double Total, double Read, double Audit, int Compared)>();
                for (var r = 0; r < repeats; r++)
                {
                    warm.Add(await TimeAsync(offline, ledger, audit, newOrder, ct));
                }

                var bytes = new FileInfo(database.DatabasePath).Length + (File.Exists(database.DatabasePath + "-wal") ? new FileInfo(database.DatabasePath + "-wal").Length : 0);
                var memory = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  history {prefix.Count + size,6}: check median {Median(warm.Select(w => w.Read + w.Audit)),7:F1} ms  order median {Median(warm.Select(w => w.Total)),7:F1} ms  ledger read {Median(warm.Select(w => w.Read)),7:F1} ms  audit {Median(warm.Select(w => w.Audit)),7:F1} ms  compared {warm[0].Compared,3}" +
                    $" | first check in a fresh process: check {cold.Read + cold.Audit,7:F0} ms, read {cold.Read,7:F0} ms" +
                    $" | after the warm-up ({warmupMilliseconds,5:F0} ms): first check {afterWarmup.Read + afterWarmup.Audit,7:F1} ms, read {afterWarmup.Read,7:F1} ms | heap {memory:F0} MiB | store {bytes / 1024.0 / 1024:F0} MiB ({(size > filled ? $"{size - filled} recorded in {fillSeconds:F0} s" : "nothing recorded")})"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(double Total, double Read, double Audit, int Compared)> TimeAsync(
        OfflinePipeline offline, RollbackLedger ledger, TimedAudit audit, Order order, CancellationToken ct)
    {
        ledger.ReadMilliseconds = 0;
        var calls = audit.Calls.Count;
        var started = Stopwatch.GetTimestamp();
        await offline.Pipeline.RunAsync(order with { Id = Guid.NewGuid() }, ct);
        var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var mine = audit.Calls.Skip(calls).ToList();
        return (total, ledger.ReadMilliseconds, mine.Sum(c => c.Milliseconds), mine.Select(c => c.Findings.ComparedReleases).DefaultIfEmpty().Max());
    }

    /// <summary>Records one synthetic release the way the pipeline does: an order, then its result with the record.</summary>
    private static async Task RecordAsync(AdoOrderStore store, AdoReleaseLedger ledger, string version, ReleasePersons persons, CancellationToken ct)
    {
        var order = new Order
        {
            Id = Guid.NewGuid(), Product = "patient-count", ParametersJson = "{}", RequesterId = "bench", SubmittedAt = DateTimeOffset.UtcNow,
            ExtractVersion = version,
        };
        await store.CreateAsync(order, ct);
        await using var session = await ledger.BeginAsync(version, ct);
        await session.CommitAsync(
            new OrderResult(order.Id, "{}", "", DateTimeOffset.UtcNow),
            new LedgerRelease(order.Id, version, order.Product, DateTimeOffset.UtcNow, persons, 0, 0), ct);
    }

    private static async Task<ReleasePersons?> CaptureAsync(OfflinePipeline offline, CapturingLedger capture, Order order, CancellationToken ct)
    {
        try
        {
            await offline.Pipeline.RunAsync(order, ct);
            return capture.Last?.OrderId == order.Id ? capture.Last.Persons : null;
        }
        catch (OrderRejectedException)
        {
            return null;
        }
    }

    private static Order? Validate(OfflinePipeline offline, string body, string version)
    {
        using var document = JsonDocument.Parse(body);
        var validation = offline.Validator.Validate(document.RootElement);
        return !validation.IsValid ? null : new Order
        {
            Id = Guid.NewGuid(), Product = validation.Product!, ParametersJson = validation.ParametersJson!, RequesterId = "bench",
            SubmittedAt = DateTimeOffset.UtcNow, ExtractVersion = version,
        };
    }

    private static string NewOrderBody(string example, DateOnly extractTo)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(example)!.AsObject();
        var p = body["parameters"]!.AsObject();
        p["period"] = new System.Text.Json.Nodes.JsonObject
        {
            ["from"] = extractTo.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = extractTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (p.ContainsKey("indexDate"))
        {
            p["indexDate"] = extractTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return body.ToJsonString();
    }

    private static int MaxPerson(IEnumerable<ReleasePersons> releases) =>
        releases.SelectMany(r => r.Tables).SelectMany(t => t.Inner).Where(i => i.Length > 0).Select(i => i[^1]).DefaultIfEmpty(0).Max();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
