using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StatService.Core.Disclosure;
using StatService.Core.Tables;
using StatService.Disclosure;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice bench disclosure</c>: protects seeded synthetic tables of growing size with the
/// optimal method (the engine: CP-SAT, cuts, audit) and with the greedy heuristic alone (plus the
/// same full audit), and prints pattern size, information loss, wall time and memory per run.
/// </summary>
internal static class BenchDisclosureCommand
{
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
        var timeLimit = new Option<double>("--time-limit-seconds")
        {
            Description = "The policy's solver time limit for the optimal method.",
            DefaultValueFactory = _ => 20,
        };
        var maxRun = new Option<double>("--max-run-seconds")
        {
            Description = "Hard wall per table and method; the run is cancelled and reported after it.",
            DefaultValueFactory = _ => 300,
        };
        var command = new Command("disclosure", "Time cell suppression (optimal and greedy) on synthetic tables.")
        {
            sizes, seed, timeLimit, maxRun,
        };
        command.SetAction((parse, ct) =>
        {
            var targets = parse.GetValue(sizes)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))
                .ToArray();
            Run(targets, parse.GetValue(seed), TimeSpan.FromSeconds(parse.GetValue(timeLimit)), TimeSpan.FromSeconds(parse.GetValue(maxRun)), ct);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Run(IReadOnlyList<int> targets, int seed, TimeSpan limit, TimeSpan maxRun, CancellationToken ct)
    {
        var policy = DisclosurePolicy.DanishDefault with { SolverTimeLimit = limit };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"policy {policy.Name}, solver time limit {limit.TotalSeconds:0.#} s, seed {seed}, {Environment.ProcessorCount} cores; peak working set is cumulative over the process"));
        foreach (var target in targets)
        {
            CountTable table;
            try
            {
                table = SyntheticTables.Build(target, seed);
            }
            catch (Exception e) when (e is ArgumentException or OverflowException)
            {
                Console.WriteLine($"target {target}: no table ({e.Message})");
                continue;
            }

            var primaries = table.Values.Count(v => PrimarySuppression.IsSensitive(v, policy));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"table {table.Name}: {table.CellCount:N0} cells ({string.Join(" x ", table.Dimensions.Select(d => $"{d.Name} {d.Count}"))}), grand total {table.Values[0]:N0}, {primaries:N0} primaries"));
            Measure("optimal", table, maxRun, ct, token =>
            {
                var release = new SuppressionEngine().Protect([table], policy, token);
                var summary = release.Summary;
                return (release.Tables[0].Status.Select(s => s == CellStatus.Suppressed).ToArray(),
                    summary.PrimarySuppressions, summary.SecondarySuppressions, summary.AuditPassed);
            });
            Measure("greedy", table, maxRun, ct, token =>
            {
                // A zero time limit makes the search skip the model and go straight to the greedy
                // fallback, which is then audited in full exactly as the engine's own patterns are.
                var problem = ProtectionProblem.FromTables([table], [0]);
                var pattern = PatternSearch.Run(problem, policy, TimeSpan.Zero, token);
                var cells = problem.TableCells(0);
                var suppressed = new bool[table.CellCount];
                for (var c = 0; c < suppressed.Length; c++)
                {
                    suppressed[c] = pattern.Suppressed[cells[c]];
                }

                var primary = pattern.Roles.Count(r => r == CellRole.Primary);
                return (suppressed, primary, suppressed.Count(s => s) - primary, pattern.Audit.Passed);
            });
        }
    }

    private static void Measure(string method, CountTable table, TimeSpan maxRun, CancellationToken ct, Func<CancellationToken, (bool[] Suppressed, int Primaries, int Secondaries, bool AuditPassed)> protect)
    {
        // The solver limit bounds only the model; the audit and the greedy fallback after it are not
        // bounded, so a hard wall keeps one table from eating the whole benchmark.
        using var wall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wall.CancelAfter(maxRun);
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            var (suppressed, primaries, secondaries, auditPassed) = protect(wall.Token);
            long hidden = 0;
            for (var c = 0; c < suppressed.Length; c++)
            {
                if (suppressed[c] && table.IsInner(c))
                {
                    hidden += table.Values[c];
                }
            }

            var grandTotal = table.Values[0];
            outcome = string.Create(CultureInfo.InvariantCulture,
                $"primaries {primaries,7:N0}  secondaries {secondaries,7:N0}  suppressed {primaries + secondaries,7:N0}  hidden {(grandTotal == 0 ? 0 : 100.0 * hidden / grandTotal),6:F2}% of total  audit {(auditPassed ? "passed" : "FAILED")}");
        }
        catch (OperationCanceledException)
        {
            outcome = ct.IsCancellationRequested ? "cancelled" : string.Create(CultureInfo.InvariantCulture, $"cancelled at the hard wall of {maxRun.TotalSeconds:0} s");
        }
        catch (DisclosureException e)
        {
            outcome = $"not protected: {e.Message}";
        }
        catch (TimeoutException e)
        {
            outcome = $"timed out: {e.Message}";
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {method,-8} cells {table.CellCount,7:N0}  {outcome}  time {elapsed.TotalSeconds,8:F2} s  peak ws {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024,6:N0} MB"));
    }
}
