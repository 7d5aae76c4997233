using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;
using StatService.Core.Telemetry;
using StatService.Data.Extracts;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice bench order</c>: runs one order through the real pipeline (validate, query, protect,
/// render) several times on an extract and prints the cold run and the medians of the warm runs,
/// per stage, as the pipeline's own telemetry spans measured them.
/// </summary>
internal static class BenchOrderCommand
{
    public static Command Create()
    {
        var extract = new Option<DirectoryInfo>("--extract")
        {
            Description = "An extract folder (with manifest.json).",
            Required = true,
        };
        var order = new Option<FileInfo?>("--order")
        {
            Description = "An order body (JSON); default: the product's documented example.",
        };
        var product = new Option<string>("--product")
        {
            Description = "Product whose example to run when no --order is given.",
            DefaultValueFactory = _ => "patient-count",
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Warm runs after the first (cold) one.",
            DefaultValueFactory = _ => 5,
        };
        var queryOnly = new Option<bool>("--query-only")
        {
            Description = "Time only the product query and the building of its tables (no protection or rendering).",
        };
        var policy = new Option<string?>("--policy")
        {
            Description = $"Protect with this named policy instead of the product's ({string.Join(", ", DisclosurePolicyJson.Named.Keys)}), to compare methods on the same order.",
        };
        var output = new Option<FileInfo?>("--output")
        {
            Description = "Write the last run's protected result (JSON) to this file.",
        };
        var allProducts = new Option<bool>("--all-products")
        {
            Description = "Run every product's documented example in turn and print their medians side by side.",
        };
        var periodYear = new Option<int?>("--period-year")
        {
            Description = "Move each order's period and index date by whole years to end in this year, its start clipped to the extract's coverage (examples of other years on any extract).",
        };
        var explain = new Option<FileInfo?>("--explain")
        {
            Description = "Append DuckDB's EXPLAIN ANALYZE of each product's query (the order's values bound) to this file, after the timed runs.",
        };
        var memoryLimit = new Option<string?>("--memory-limit")
        {
            Description = "DuckDB's memory limit for the extract (e.g. 6GB), as Extracts:MemoryLimit sets it in the service; it also bounds the making of a version's derived files.",
        };
        var command = new Command("order", "Time an order through the pipeline: query, protection and rendering.")
        {
            extract, order, product, runs, queryOnly, policy, output, allProducts, periodYear, explain, memoryLimit,
        };
        command.SetAction(async (parse, ct) =>
        {
            await RunAsync(parse.GetValue(extract)!, parse.GetValue(order), parse.GetValue(product)!, parse.GetValue(runs), parse.GetValue(queryOnly), parse.GetValue(policy), parse.GetValue(output), parse.GetValue(allProducts), parse.GetValue(periodYear), parse.GetValue(explain), parse.GetValue(memoryLimit), ct);
            return 0;
        });
        return command;
    }

    /// <summary>The named policy every product is protected by (all products: an order names one); null keeps each product's own.</summary>
    private static DisclosurePolicy? NamedPolicy(string? policyName) =>
        policyName is null ? null
        : DisclosurePolicyJson.Named.TryGetValue(policyName, out var policy) ? policy
        : throw new ArgumentException($"Unknown policy '{policyName}'; known: {string.Join(", ", DisclosurePolicyJson.Named.Keys)}.");

    // Checked as the service checks Extracts:MemoryLimit (its pattern), since the value is spliced into a SET statement.
    private static string MemoryLimit(string? value) =>
        value is null ? string.Empty
        : typeof(ExtractOptions).GetProperty(nameof(ExtractOptions.MemoryLimit))!.GetCustomAttribute<RegularExpressionAttribute>()!.IsValid(value) ? value
        : throw new ArgumentException($"--memory-limit '{value}' is not a size such as 6GB or 512MB.");

    private static async Task RunAsync(
        DirectoryInfo extractFolder, FileInfo? orderFile, string productId, int runs, bool queryOnly, string? policyName, FileInfo? output, bool allProducts,
        int? periodYear, FileInfo? explain, string? memoryLimit, CancellationToken ct)
    {
        if (allProducts && orderFile is not null)
        {
            throw new ArgumentException("--all-products runs each product's documented example: leave out --order.");
        }

        var policy = NamedPolicy(policyName);
        var manifest = ExtractManifest.Read(extractFolder.FullName);
        var extractOptions = new ExtractOptions { MemoryLimit = MemoryLimit(memoryLimit) };
        using var offline = new OfflinePipeline(extractFolder.Parent!.FullName, manifest.ExtractVersion, policy: policy, extractOptions: extractOptions);
        var catalogue = offline.Catalogue;

        var spans = new SpanTimes();
        using var listener = spans.Listen();
        Console.WriteLine($"extract {manifest.ExtractVersion} ({manifest.Persons:N0} persons), {Environment.ProcessorCount} cores");
        // Opening a version checks every byte and attaches its derived tables (making them if it has none): timed apart.
        var opening = Stopwatch.StartNew();
        offline.Databases.Connect(manifest.ExtractVersion).Dispose();
        // Definitions mean the derived files could not be made (or written): every query then joins the registers.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extract opened in {opening.Elapsed.TotalMilliseconds:F0} ms, derived tables from {offline.Databases.DerivedSourceOf(manifest.ExtractVersion)?.ToString().ToLowerInvariant()}"));
        var summary = new List<(string Product, Measurement Median)>();
        foreach (var id in allProducts ? catalogue.Ids : [productId])
        {
            var body = orderFile is null
                ? catalogue.Find(id)?.Example.GetRawText() ?? throw new ArgumentException($"Unknown product '{id}'.")
                : await File.ReadAllTextAsync(orderFile.FullName, ct);
            if (periodYear is { } year)
            {
                body = ExamplePeriodShift.MoveInto(body, year, manifest);
            }

            var context = new BenchContext(offline, manifest, spans);
            try
            {
                if (await RunProductAsync(context, body, runs, queryOnly, output, ct) is { } median)
                {
                    summary.Add((id, median));
                }

                if (explain is not null)
                {
                    using var document = JsonDocument.Parse(body);
                    var validated = offline.Validator.Validate(document.RootElement);
                    await BenchExplain.AppendAsync(offline, validated.Product!, validated.ParametersJson!, manifest.ExtractVersion, explain.FullName, ct);
                }
            }
            catch (ArgumentException invalid) when (allProducts)
            {
                // One example the extract cannot answer (its period, say) does not stop the others.
                Console.WriteLine($"product {id} skipped: {invalid.Message}");
            }
        }

        if (summary.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine(queryOnly ? "product                  query ms  tables ms     cells" : "product                  query ms  protect ms   total ms     cells");
            foreach (var (id, m) in summary)
            {
                Console.WriteLine(queryOnly
                    ? string.Create(CultureInfo.InvariantCulture, $"{id,-22} {m.Query,10:F0} {m.Total,10:F0} {m.Cells,9}")
                    : string.Create(CultureInfo.InvariantCulture, $"{id,-22} {m.Query,10:F0} {m.Protect,11:F0} {m.Total,10:F0} {m.Cells,9}"));
            }
        }
    }

    private sealed record BenchContext(OfflinePipeline Offline, ExtractManifest Manifest, SpanTimes Spans);

    /// <summary>One order: a cold run, then the warm runs; the medians of the warm runs (null with no warm runs).</summary>
    private static async Task<Measurement?> RunProductAsync(BenchContext context, string body, int runs, bool queryOnly, FileInfo? output, CancellationToken ct)
    {
        var (offline, manifest, spans) = context;
        using var document = JsonDocument.Parse(body);
        var validation = offline.Validator.Validate(document.RootElement);
        if (!validation.IsValid)
        {
            throw new ArgumentException("The order is not valid: " + string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        Console.WriteLine($"product {validation.Product}: {ExamplePeriodShift.Describe(body)}");
        var measured = new List<Measurement>();
        for (var run = 0; run <= runs; run++)
        {
            spans.Clear();
            var order = new Order
            {
                Id = Guid.NewGuid(),
                Product = validation.Product!,
                ParametersJson = validation.ParametersJson!,
                RequesterId = "bench",
                SubmittedAt = DateTimeOffset.UtcNow,
                ExtractVersion = manifest.ExtractVersion,
            };
            var started = Stopwatch.GetTimestamp();
            if (queryOnly)
            {
                var tables = await OrderPipeline.QueryTablesAsync(
                    offline.Catalogue.Find(order.Product)!, CohortParametersJson.Deserialize(order.ParametersJson), offline.Breakdowns, offline.Queries, manifest.ExtractVersion, ct);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var q = new Measurement(elapsed, spans.Get("duckdb.query"), 0, tables.Sum(t => t.CellCount), 0);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(run == 0 ? "cold" : $"run {run}"),-6} query and tables {q.Total,8:F0} ms   query {q.Query,8:F0} ms   tables {tables.Count}, cells {q.Cells}"));
                if (run > 0)
                {
                    measured.Add(q);
                }

                continue;
            }

            var delivery = await offline.Pipeline.RunAsync(order, ct);
            if (output is not null)
            {
                await File.WriteAllTextAsync(output.FullName, delivery.Json, ct);
            }

            var total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            using var result = JsonDocument.Parse(delivery.Json);
            var disclosure = result.RootElement.GetProperty("disclosure");
            var m = new Measurement(total, spans.Get("duckdb.query"), spans.Get("disclosure.protect"),
                result.RootElement.GetProperty("tables").EnumerateArray().Sum(t => t.GetProperty("cells").GetArrayLength()),
                disclosure.GetProperty("suppressedCells").GetInt32());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "cold" : $"run {run}"),-6} total {m.Total,8:F0} ms   query {m.Query,8:F0} ms   protect {m.Protect,8:F0} ms   cells {m.Cells}, suppressed {m.Suppressed}"));
            if (run > 0)
            {
                measured.Add(m);
            }
        }

        if (measured.Count == 0)
        {
            return null;
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var median = new Measurement(
            Median(measured.Select(m => m.Total)), Median(measured.Select(m => m.Query)), Median(measured.Select(m => m.Protect)), measured[^1].Cells, measured[^1].Suppressed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {measured.Count} warm runs: total {median.Total:F0} ms, query {median.Query:F0} ms, protect {median.Protect:F0} ms; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB"));
        return median;
    }

    private sealed record Measurement(double Total, double Query, double Protect, int Cells, int Suppressed);

    /// <summary>Durations of the pipeline's own spans, by name.</summary>
    private sealed class SpanTimes
    {
        private readonly Dictionary<string, double> _times = new(StringComparer.Ordinal);
        private readonly Lock _gate = new();

        public ActivityListener Listen()
        {
            var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == StatServiceTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    lock (_gate)
                    {
                        _times[activity.OperationName] = _times.GetValueOrDefault(activity.OperationName) + activity.Duration.TotalMilliseconds;
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
            return listener;
        }

        public double Get(string name)
        {
            lock (_gate)
            {
                return _times.GetValueOrDefault(name);
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _times.Clear();
            }
        }
    }
}
