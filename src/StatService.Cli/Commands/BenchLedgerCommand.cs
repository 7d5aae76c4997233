using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StatService.Core.Orders;
using StatService.Data.Extracts;
using StatService.Disclosure.AcrossReleases;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice bench ledger</c>: builds a ledger of realistic releases on an extract (the products' examples, perturbed
/// as requesters vary orders; <see cref="LedgerOrderGrammar"/>) through the real pipeline and its cross-release audit, and
/// prints per release the audit's time and work, then the medians per stretch of history, the outcomes (delivered as
/// protected alone, delivered with cells hidden for earlier releases, refused), and the ledger's storage per release.
/// </summary>
internal static class BenchLedgerCommand
{
    public static Command Create()
    {
        var extract = new Option<DirectoryInfo>("--extract") { Description = "An extract folder (with manifest.json).", Required = true };
        var releases = new Option<int>("--releases") { Description = "Orders to run, each checked against all before it.", DefaultValueFactory = _ => 50 };
        var seed = new Option<int>("--seed") { Description = "Seed of the order grammar.", DefaultValueFactory = _ => 1 };
        var wholeMonths = new Option<bool>("--whole-months") { Description = "The same orders with periods in whole calendar months and index dates at their end." };
        var history = new Option<string?>("--history")
        {
            Description = "Instead: time one order's check against histories of these sizes (comma-separated, ascending), recorded in a temporary SQLite store.",
        };
        var repeats = new Option<int>("--repeats") { Description = "With --history: checks timed per history size.", DefaultValueFactory = _ => 5 };
        var templates = new Option<int>("--templates") { Description = "With --history: real orders whose person sets the history repeats.", DefaultValueFactory = _ => 30 };
        var command = new Command("ledger", "Time the release ledger's joint audit as the history of releases grows.")
        {
            extract, releases, seed, wholeMonths, history, repeats, templates,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(history) is { } sizes)
            {
                var parsed = sizes.Split(',', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
                await BenchLedgerHistory.RunAsync(parse.GetValue(extract)!, parsed, parse.GetValue(repeats), parse.GetValue(templates), parse.GetValue(seed), ct);
                return 0;
            }

            await RunAsync(parse.GetValue(extract)!, parse.GetValue(releases), parse.GetValue(seed), parse.GetValue(wholeMonths), ct);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(DirectoryInfo extractFolder, int releases, int seed, bool wholeMonths, CancellationToken ct)
    {
        var manifest = ExtractManifest.Read(extractFolder.FullName);
        var ledger = new MemoryLedger();
        var audit = new TimedAudit(new JointReleaseAudit());
        using var offline = new OfflinePipeline(extractFolder.Parent!.FullName, manifest.ExtractVersion, ledger, audit);
        var (catalogue, pipeline, validator) = (offline.Catalogue, offline.Pipeline, offline.Validator);
        var examples = catalogue.Ids.ToDictionary(id => id, id => catalogue.Find(id)!.Example.GetRawText(), StringComparer.Ordinal);
        var grammar = new LedgerOrderGrammar(examples, manifest.CoverageFrom, manifest.CoverageTo, seed, wholeMonths);

        Console.WriteLine($"extract {manifest.ExtractVersion} ({manifest.Persons:N0} persons), {releases} orders, seed {seed}{(wholeMonths ? ", whole months" : "")}, {Environment.ProcessorCount} cores");
        var rows = new List<(int Earlier, double Audit, double Total, string Outcome, int Atoms, int Programs)>();
        var (untouched, hidden, refused, invalid) = (0, 0, 0, 0);
        long cells = 0, hiddenForLedger = 0;
        while (rows.Count < releases)
        {
            using var document = JsonDocument.Parse(grammar.Next());
            var validation = validator.Validate(document.RootElement);
            if (!validation.IsValid)
            {
                invalid++;
                continue;
            }

            var order = new Order
            {
                Id = Guid.NewGuid(), Product = validation.Product!, ParametersJson = validation.ParametersJson!, RequesterId = "bench",
                SubmittedAt = DateTimeOffset.UtcNow, ExtractVersion = manifest.ExtractVersion,
            };
            var earlier = ledger.Count;
            var calls = audit.Calls.Count;
            var started = Stopwatch.GetTimestamp();
            string outcome;
            try
            {
                await pipeline.RunAsync(order, ct);
                var recorded = ledger.Count > earlier;
                var record = recorded ? (await ledger.EarlierReleasesAsync(manifest.ExtractVersion, Guid.Empty, ct))[^1].Persons : null;
                var ledgerHidden = audit.Calls.Count - calls > 1;
                outcome = !recorded ? "not recorded" : ledgerHidden ? "hidden" : "untouched";
                if (record is not null)
                {
                    cells += record.Tables.Sum(t => t.Cells.Count);
                }

                if (outcome == "hidden")
                {
                    hidden++;
                    hiddenForLedger += audit.Calls.Skip(calls).SkipLast(1).Sum(c => c.Findings.ToHide.Count);
                }
                else if (outcome == "untouched")
                {
                    untouched++;
                }
            }
            catch (OrderRejectedException)
            {
                outcome = "refused";
                refused++;
            }

            var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var mine = audit.Calls.Skip(calls).ToList();
            var row = (earlier, mine.Sum(c => c.Milliseconds), total, outcome, mine.Select(c => c.Findings.Work.Atoms).DefaultIfEmpty().Max(), mine.Sum(c => c.Findings.Work.Programs));
            var (rowsKnown, targets, undecided) = (mine.Select(c => c.Findings.Work.Cells).DefaultIfEmpty().Max(), mine.Select(c => c.Findings.Work.Targets).DefaultIfEmpty().Max(), mine.Sum(c => c.Findings.Work.Undecided));
            rows.Add(row);
            if (Environment.GetEnvironmentVariable("STATSERVICE_BENCH_VERBOSE") == "1")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{rows.Count,5} {validation.Product,-22} earlier {earlier,5}  audit {row.Item2,8:F0} ms  order {total,8:F0} ms  atoms {row.Item5,6}  programs {row.Item6,4}  rows {rowsKnown,6}  targets {targets,5}  rounds {mine.Count}  undecided {undecided}  {outcome}"));
            }
        }

        foreach (var stretch in rows.Chunk(Math.Max(1, releases / 5)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"earlier releases {stretch[0].Earlier,5}-{stretch[^1].Earlier,-5}  audit median {Median(stretch.Select(r => r.Audit)),8:F1} ms  max {stretch.Max(r => r.Audit),8:F1} ms  order median {Median(stretch.Select(r => r.Total)),8:F0} ms  atoms median {Median(stretch.Select(r => (double)r.Atoms)),7:F0}"));
        }

        Console.WriteLine($"outcomes: {untouched} delivered as protected alone, {hidden} delivered with cells hidden for earlier releases ({hiddenForLedger} cells), {refused} refused; {invalid} drawn orders were invalid and skipped");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ledger: {ledger.Count} releases, {ledger.StoredBytes / 1024.0:F0} KiB stored, {ledger.StoredBytes / 1024.0 / Math.Max(1, ledger.Count):F1} KiB per release, {cells} cells; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
