using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using StatService.Core.Disclosure;
using StatService.Disclosure;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice bench disclosure</c>: protects seeded synthetic tables of growing size with the optimal method
/// (CP-SAT with audit cuts, under the policy's time limit) and with the heuristic alone (greedy start, repair and improvement),
/// both audited in full, and prints time, suppressions, information loss and peak memory side by side. Every run
/// is a child process of its own, so peak memory is per run and a hard wall can stop it cleanly; the CPU time of
/// the run is printed beside the wall time because on a busy machine the wall time mostly measures the others.
/// </summary>
internal static class BenchDisclosureCommand
{
    private const string ResultMarker = "RESULT";

    public static Command Create()
    {
        var sizes = new Option<string>("--sizes")
        {
            Description = "Comma-separated target cell counts, margins included.",
            DefaultValueFactory = _ => "1000,10000,100000",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the random tables (the same seed gives the same tables).",
            DefaultValueFactory = _ => 1,
        };
        var seeds = new Option<int>("--seeds")
        {
            Description = "How many tables per size and density (seeds --seed, --seed + 1, ...); with more than one, the heuristic's loss against the proven optima is summarised.",
            DefaultValueFactory = _ => 1,
        };
        var timeLimit = new Option<double>("--time-limit-seconds")
        {
            Description = "The policy's time limit for the optimal method (model and repairs; the final audit always runs).",
            DefaultValueFactory = _ => 2,
        };
        var maxRun = new Option<double>("--max-run-seconds")
        {
            Description = "Hard wall per run; the run is stopped and reported after it.",
            DefaultValueFactory = _ => 300,
        };
        var means = new Option<string>("--mean-counts")
        {
            Description = "Comma-separated mean persons per inner cell: 6 gives thin tables (about a third of the cells below the threshold), 50 typical ones.",
            DefaultValueFactory = _ => "6,50",
        };
        var runs = new Option<int>("--runs")
        {
            Description = "Runs per table and method; the median time is printed.",
            DefaultValueFactory = _ => 3,
        };
        var methods = new Option<string>("--methods")
        {
            Description = "Comma-separated methods to run: optimal, heuristic.",
            DefaultValueFactory = _ => "optimal,heuristic",
        };
        var loss = new Option<string>("--loss")
        {
            Description = "What the methods minimise: count (suppressed cells, the default) or value (their total value, loss: cellValue).",
            DefaultValueFactory = _ => "count",
        };
        var compare = new Option<bool>("--compare")
        {
            Description = "Also run the optimal method with --reference-seconds of model effort per table and print each method's loss against it: " +
                "the proven optimum where it proves one, else the best pattern any run found.",
        };
        var reference = new Option<double>("--reference-seconds")
        {
            Description = "Model effort of the reference run with --compare (deterministic seconds).",
            DefaultValueFactory = _ => 60,
        };
        var child = new Option<string?>("--child") { Hidden = true, Description = "size:method:mean, one measured run (internal)." };
        var command = new Command("disclosure", "Time cell suppression (optimal and heuristic) on synthetic hierarchical tables.")
        {
            sizes, means, seed, seeds, timeLimit, maxRun, runs, methods, loss, compare, reference, child,
        };
        command.SetAction((parse, ct) =>
        {
            var limit = TimeSpan.FromSeconds(parse.GetValue(timeLimit));
            var byValue = parse.GetValue(loss) == "value";
            if (parse.GetValue(child) is { } run)
            {
                var parts = run.Split(':');
                MeasureOne(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], double.Parse(parts[2], CultureInfo.InvariantCulture), parse.GetValue(seed), limit, byValue, ct);
                return Task.FromResult(0);
            }

            var targets = parse.GetValue(sizes)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))
                .ToArray();
            var meanCounts = parse.GetValue(means)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToArray();
            var chosen = parse.GetValue(methods)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(m => m is "optimal" or "heuristic").ToArray();
            var seedList = Enumerable.Range(parse.GetValue(seed), Math.Max(1, parse.GetValue(seeds))).ToArray();
            var settings = new BenchSettings(
                chosen, limit, TimeSpan.FromSeconds(parse.GetValue(maxRun)), Math.Max(1, parse.GetValue(runs)), byValue,
                parse.GetValue(compare) ? TimeSpan.FromSeconds(parse.GetValue(reference)) : null);
            Run(targets, meanCounts, seedList, settings, ct);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>What every table of one bench call gets: methods, limits, runs, the loss minimised, and the reference run's effort with --compare.</summary>
    private sealed record BenchSettings(IReadOnlyList<string> Methods, TimeSpan Limit, TimeSpan MaxRun, int Runs, bool ByValue, TimeSpan? Reference);

    private static void Run(IReadOnlyList<int> targets, IReadOnlyList<double> meanCounts, IReadOnlyList<int> seeds, BenchSettings settings, CancellationToken ct)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"policy danish-default, loss = {(settings.ByValue ? "cell value" : "cell count")}, model effort {settings.Limit.TotalSeconds:0.##} s (optimal), {settings.Runs} run(s) each, {Environment.ProcessorCount} cores"));
        Console.WriteLine("cells    shape                              mean  seed  primaries  method     median s  cpu s  secondaries  hidden %  optimum  vs optimum  peak MB  audit        loss  programs  pattern");
        foreach (var target in targets)
        foreach (var mean in meanCounts)
        {
            var gaps = new List<double>();
            foreach (var seed in seeds)
            {
                RunSeed(target, mean, seed, settings, gaps, ct);
            }

            if (seeds.Count > 1)
            {
                Console.WriteLine(gaps.Count == 0
                    ? $"  heuristic against a proven optimum: no optimum proven in {seeds.Count} tables"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"  heuristic against a proven optimum ({gaps.Count} of {seeds.Count} tables): median {Median(gaps):+0.0;-0.0;0.0} %, mean {gaps.Average():+0.0;-0.0;0.0} %, worst {gaps.Max():+0.0;-0.0;0.0} %, within 10 % in {gaps.Count(g => g <= 10)}"));
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>One table: each method's runs, one line per method; the heuristic's gap to a proven optimum goes to <paramref name="gaps"/>.</summary>
    private static void RunSeed(int target, double mean, int seed, BenchSettings settings, List<double> gaps, CancellationToken ct)
    {
        var (methods, limit, maxRun, runs) = (settings.Methods, settings.Limit, settings.MaxRun, settings.Runs);
        var table = SyntheticTables.Build(target, seed, mean);
        var shape = string.Join(" x ", table.Dimensions.Select(d => $"{d.Name} {d.Count}"));
        var primaries = table.Values.Count(v => PrimarySuppression.IsSensitive(v, DisclosurePolicy.DanishDefault));
        RunResult? optimal = null;
        var medians = new List<(string Method, RunResult Result)>();
        foreach (var method in methods)
        {
            var results = Enumerable.Range(0, runs).Select(_ => RunChild(target, method, mean, seed, limit, maxRun, settings.ByValue, ct)).ToArray();
            var finished = results.OfType<RunResult>().OrderBy(r => r.Seconds).ToArray();
            string line;
            if (finished.Length < results.Length)
            {
                line = string.Create(CultureInfo.InvariantCulture, $"not finished within {maxRun.TotalSeconds:0} s ({finished.Length} of {results.Length} runs did)");
            }
            else
            {
                var median = finished[finished.Length / 2];
                medians.Add((method, median));
                optimal = method == "optimal" ? median : optimal;
                var gap = method == "heuristic" && optimal is { Proven: true } best && best.Secondaries > 0
                    ? 100.0 * (median.Secondaries - best.Secondaries) / best.Secondaries
                    : (double?)null;
                if (gap is { } g)
                {
                    gaps.Add(g);
                }

                var versus = gap is { } shown ? string.Create(CultureInfo.InvariantCulture, $"{shown:+0.0;-0.0;0.0} %") : "";
                line = string.Create(CultureInfo.InvariantCulture,
                    $"{median.Seconds,8:F2}  {median.CpuSeconds,5:F1}  {median.Secondaries,11:N0}  {median.HiddenPercent,8:F2}  {(median.Proven ? "proven" : "no"),7}  {versus,10}  {finished.Max(r => r.PeakMegabytes),7:N0}  {(median.AuditPassed ? "passed" : "FAILED")}  {median.Loss,10:N0}  {median.Programs,8:N0}  {median.Pattern}{(finished.Any(r => r.Pattern != median.Pattern) ? " (runs differ)" : "")}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.CellCount,-8:N0} {shape,-34} {mean,4:0.#} {seed,5} {primaries,9:N0}  {method,-9}  {line}"));
        }

        if (settings.Reference is { } effort)
        {
            Compare(target, mean, seed, effort, settings, medians, ct);
        }
    }

    /// <summary>
    /// Each method's loss against the reference: the proven optimum when the long optimal run proves one, else the least
    /// loss of any run of this table (the long run's or a method's own).
    /// </summary>
    private static void Compare(
        int target, double mean, int seed, TimeSpan effort, BenchSettings settings, List<(string Method, RunResult Result)> medians, CancellationToken ct)
    {
        var reference = RunChild(target, "optimal", mean, seed, effort, settings.MaxRun, settings.ByValue, ct);
        var proven = reference is { Proven: true };
        var best = medians.Select(m => m.Result.Loss).Append(reference?.Loss ?? long.MaxValue).Min();
        var against = proven
            ? string.Create(CultureInfo.InvariantCulture, $"the proven optimum {best:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"the best pattern found {best:N0} (long run: {(reference is null ? "not finished" : reference.Loss.ToString("N0", CultureInfo.InvariantCulture))})");
        var gaps = medians.Select(m => string.Create(
            CultureInfo.InvariantCulture, $"{m.Method} {(best == 0 ? 0 : 100.0 * (m.Result.Loss - best) / best):+0.00;-0.00;0.00} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  loss against {against}, model effort {effort.TotalSeconds:0.##} s: {string.Join(", ", gaps)}"));
    }

    private sealed record RunResult(double Seconds, int Secondaries, double HiddenPercent, bool Proven, long PeakMegabytes, bool AuditPassed, double CpuSeconds, long Loss, long Programs, string Pattern);

    private static RunResult? RunChild(int target, string method, double mean, int seed, TimeSpan limit, TimeSpan maxRun, bool byValue, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchDisclosureCommand).Assembly.Location);
        }

        foreach (var argument in new[]
                 {
                     "bench", "disclosure", "--child", string.Create(CultureInfo.InvariantCulture, $"{target}:{method}:{mean}"), "--seed", seed.ToString(CultureInfo.InvariantCulture),
                     "--time-limit-seconds", limit.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--loss", byValue ? "value" : "count",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        if (!process.WaitForExit(maxRun) || ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return null;
        }

        var line = output.Result.Split('\n').FirstOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var f = line.Split(' ');
        return new RunResult(
            double.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture),
            double.Parse(f[3], CultureInfo.InvariantCulture), f[4] == "1", long.Parse(f[5], CultureInfo.InvariantCulture), f[6] == "1",
            double.Parse(f[7], CultureInfo.InvariantCulture), long.Parse(f[8], CultureInfo.InvariantCulture),
            long.Parse(f[9], CultureInfo.InvariantCulture), f[10].Trim());
    }

    /// <summary>One run, in the child: build the table, protect it as the engine does, print one result line.</summary>
    private static void MeasureOne(int target, string method, double mean, int seed, TimeSpan limit, bool byValue, CancellationToken ct)
    {
        var table = SyntheticTables.Build(target, seed, mean);
        var policy = DisclosurePolicy.DanishDefault with
        {
            SolverTimeLimit = method == "optimal" ? limit : TimeSpan.Zero,
            Loss = byValue ? InformationLoss.CellValue : InformationLoss.CellCount,
        };
        var started = Stopwatch.GetTimestamp();
        var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
        var problem = ProtectionProblem.FromTables([table], [0]);
        var pattern = PatternSearch.Run(problem, policy, policy.SolverTimeLimit, ct);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalSeconds;

        var cells = problem.TableCells(0);
        long hidden = 0;
        var suppressed = 0;
        for (var c = 0; c < table.CellCount; c++)
        {
            if (pattern.Suppressed[cells[c]])
            {
                suppressed++;
                hidden += table.IsInner(c) ? table.Values[c] : 0;
            }
        }

        var secondaries = suppressed - pattern.Roles.Count(r => r == CellRole.Primary);
        var share = table.Values[0] == 0 ? 0 : 100.0 * hidden / table.Values[0];
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultMarker} {seconds:F3} {secondaries} {share:F3} {(pattern.Optimal && !pattern.UsedFallback ? 1 : 0)} {peak} {(pattern.Audit.Passed ? 1 : 0)} {cpu:F3} {(byValue ? SecondarySuppression.TotalLoss(problem, pattern.Roles, policy, pattern.Suppressed) : secondaries)} {AuditCounters.Programs} {PatternHash(pattern.Suppressed)}"));
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the pattern (one byte per cell): equal hashes, equal patterns.</summary>
    private static string PatternHash(bool[] suppressed)
    {
        var bytes = suppressed.Select(s => s ? (byte)1 : (byte)0).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
    }
}
