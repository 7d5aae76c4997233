using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
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
        var child = new Option<string?>("--child") { Hidden = true, Description = "size:method:mean, one measured run (internal)." };
        var command = new Command("disclosure", "Time cell suppression (optimal and heuristic) on synthetic hierarchical tables.")
        {
            sizes, means, seed, seeds, timeLimit, maxRun, runs, methods, child,
        };
        command.SetAction((parse, ct) =>
        {
            var limit = TimeSpan.FromSeconds(parse.GetValue(timeLimit));
            if (parse.GetValue(child) is { } run)
            {
                var parts = run.Split(':');
                MeasureOne(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], double.Parse(parts[2], CultureInfo.InvariantCulture), parse.GetValue(seed), limit, ct);
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
            Run(targets, meanCounts, chosen, seedList, limit, TimeSpan.FromSeconds(parse.GetValue(maxRun)), Math.Max(1, parse.GetValue(runs)), ct);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Run(
        IReadOnlyList<int> targets, IReadOnlyList<double> meanCounts, IReadOnlyList<string> methods, IReadOnlyList<int> seeds, TimeSpan limit, TimeSpan maxRun, int runs,
        CancellationToken ct)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"policy danish-default, loss = cell count, time limit {limit.TotalSeconds:0.##} s (optimal), {runs} run(s) each, {Environment.ProcessorCount} cores"));
        Console.WriteLine("cells    shape                              mean  seed  primaries  method     median s  cpu s  secondaries  hidden %  optimum  vs optimum  peak MB  audit");
        foreach (var target in targets)
        foreach (var mean in meanCounts)
        {
            var gaps = new List<double>();
            foreach (var seed in seeds)
            {
                RunSeed(target, mean, seed, methods, limit, maxRun, runs, gaps, ct);
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
    private static void RunSeed(
        int target, double mean, int seed, IReadOnlyList<string> methods, TimeSpan limit, TimeSpan maxRun, int runs, List<double> gaps, CancellationToken ct)
    {
        var table = SyntheticTables.Build(target, seed, mean);
        var shape = string.Join(" x ", table.Dimensions.Select(d => $"{d.Name} {d.Count}"));
        var primaries = table.Values.Count(v => PrimarySuppression.IsSensitive(v, DisclosurePolicy.DanishDefault));
        RunResult? optimal = null;
        foreach (var method in methods)
        {
            var results = Enumerable.Range(0, runs).Select(_ => RunChild(target, method, mean, seed, limit, maxRun, ct)).ToArray();
            var finished = results.OfType<RunResult>().OrderBy(r => r.Seconds).ToArray();
            string line;
            if (finished.Length < results.Length)
            {
                line = string.Create(CultureInfo.InvariantCulture, $"not finished within {maxRun.TotalSeconds:0} s ({finished.Length} of {results.Length} runs did)");
            }
            else
            {
                var median = finished[finished.Length / 2];
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
                    $"{median.Seconds,8:F2}  {median.CpuSeconds,5:F1}  {median.Secondaries,11:N0}  {median.HiddenPercent,8:F2}  {(median.Proven ? "proven" : "no"),7}  {versus,10}  {finished.Max(r => r.PeakMegabytes),7:N0}  {(median.AuditPassed ? "passed" : "FAILED")}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.CellCount,-8:N0} {shape,-34} {mean,4:0.#} {seed,5} {primaries,9:N0}  {method,-9}  {line}"));
        }
    }

    private sealed record RunResult(double Seconds, int Secondaries, double HiddenPercent, bool Proven, long PeakMegabytes, bool AuditPassed, double CpuSeconds);

    private static RunResult? RunChild(int target, string method, double mean, int seed, TimeSpan limit, TimeSpan maxRun, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchDisclosureCommand).Assembly.Location);
        }

        foreach (var argument in new[]
                 {
                     "bench", "disclosure", "--child", string.Create(CultureInfo.InvariantCulture, $"{target}:{method}:{mean}"), "--seed", seed.ToString(CultureInfo.InvariantCulture),
                     "--time-limit-seconds", limit.TotalSeconds.ToString(CultureInfo.InvariantCulture),
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
            double.Parse(f[7], CultureInfo.InvariantCulture));
    }

    /// <summary>One run, in the child: build the table, protect it as the engine does, print one result line.</summary>
    private static void MeasureOne(int target, string method, double mean, int seed, TimeSpan limit, CancellationToken ct)
    {
        var table = SyntheticTables.Build(target, seed, mean);
        var policy = DisclosurePolicy.DanishDefault with { SolverTimeLimit = method == "optimal" ? limit : TimeSpan.Zero };
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
            $"{ResultMarker} {seconds:F3} {secondaries} {share:F3} {(pattern.Optimal && !pattern.UsedFallback ? 1 : 0)} {peak} {(pattern.Audit.Passed ? 1 : 0)} {cpu:F3}"));
    }
}
