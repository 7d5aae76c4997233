using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StatService.Cli.Tests.Protect;

/// <summary>
/// The same table and policy give the same pattern, byte for byte, on one core or two, beside a process that keeps
/// the cores busy: every limit that decides the pattern counts work, none reads the clock.
/// </summary>
public class ProtectDeterminismTests
{
    [Fact]
    public async Task A_thin_table_gets_the_same_pattern_on_one_core_and_on_two_beside_a_busy_process()
    {
        using var folder = new TemporaryDirectory();
        var (table, hierarchy) = ThinTable(new Random(13));
        var input = folder.Write("thin.csv", table);
        var municipalities = folder.Write("municipalities.csv", hierarchy);
        var policy = folder.Write("policy.json", """{ "policy": "danish-default", "solverTimeLimitSeconds": 2 }""");

        var results = new List<string>();
        foreach (var cores in new[] { "0", "0,1", null })
        {
            var output = folder.File($"result-{results.Count}.csv");
            using (Hog(cores))
            {
                var (exitCode, error) = await RunAsync(cores, "protect", "--input", input, "--hierarchy", $"municipality={municipalities}", "--policy", policy, "--output", output);
                Assert.True(exitCode == 0, error);
            }

            results.Add(await File.ReadAllTextAsync(output));
        }

        Assert.Contains("suppressed", results[0], StringComparison.Ordinal);
        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2]);
    }

    /// <summary>25 municipalities in 5 regions x sex x 8 age bands (837 cells with margins), counts mostly small.</summary>
    private static (string Table, string Hierarchy) ThinTable(Random random)
    {
        var hierarchy = new StringBuilder("code,parent\n");
        var table = new StringBuilder("municipality,sex,age,count\n");
        for (var region = 1; region <= 5; region++)
        {
            hierarchy.Append(CultureInfo.InvariantCulture, $"R{region},total\n");
            for (var m = 1; m <= 5; m++)
            {
                hierarchy.Append(CultureInfo.InvariantCulture, $"M{region}{m},R{region}\n");
                foreach (var sex in new[] { "male", "female" })
                {
                    for (var age = 0; age < 8; age++)
                    {
                        // Exponential counts of mean 8: nearly half the inner cells below 5.
                        var count = (int)(-Math.Log(1 - random.NextDouble()) * 8);
                        table.Append(CultureInfo.InvariantCulture, $"M{region}{m},{sex},a{age},{count}\n");
                    }
                }
            }
        }

        return (table.ToString(), hierarchy.ToString());
    }

    /// <summary>A process that keeps the given cores (all when null) busy until disposed.</summary>
    private static BusyProcess Hog(string? cores)
    {
        var start = Pinned(cores, "/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("while :; do :; done");
        return new BusyProcess(Process.Start(start)!);
    }

    private sealed class BusyProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string? cores, params string[] arguments)
    {
        var start = Pinned(cores, DotnetHost());
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "statservice.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }

    /// <summary>The program under <c>taskset</c> when cores are named and taskset exists (Linux), else as it is.</summary>
    private static ProcessStartInfo Pinned(string? cores, string program)
    {
        const string taskset = "/usr/bin/taskset";
        if (cores is null || !File.Exists(taskset))
        {
            return new ProcessStartInfo(program) { UseShellExecute = false };
        }

        var start = new ProcessStartInfo(taskset) { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(cores);
        start.ArgumentList.Add(program);
        return start;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host)
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
