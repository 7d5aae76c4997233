using System.Diagnostics;

namespace StatService.Api.Tests.Operations;

/// <summary>What <c>ops/run.sh</c> installs and shows: only what running needs, and the build as it goes.</summary>
public sealed class StartScriptTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task Running_installs_nothing_the_tests_alone_need()
    {
        // With nothing on PATH every tool looks missing: the list is what each purpose would install.
        Assert.Equal(string.Empty, await DryRunAsync("run"));
        var forTests = (await DryRunAsync("test")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("python3", forTests);
        Assert.DoesNotContain("chromium", (await DryRunAsync("scaled")).Split('\n'));
    }

    [Fact]
    public void The_start_script_builds_visibly_before_it_runs_and_asks_only_for_running()
    {
        var script = File.ReadAllText(Path.Combine(Root, "ops", "run.sh"));
        Assert.Contains("install-prerequisites.sh run", script, StringComparison.Ordinal);
        var build = script.IndexOf("dotnet build", StringComparison.Ordinal);
        var run = script.IndexOf("dotnet run --no-build", StringComparison.Ordinal);
        Assert.True(build > 0 && run > build, "run.sh builds (showing each project) before it starts the built service");
        Assert.Contains("echo \"Building", script, StringComparison.Ordinal);
    }

    private static async Task<string> DryRunAsync(string purpose)
    {
        var start = new ProcessStartInfo("/bin/bash", [Path.Combine(Root, "ops", "install-prerequisites.sh"), purpose, "--dry-run"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["PATH"] = "/nonexistent";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StatService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No StatService.sln above " + AppContext.BaseDirectory);
    }
}
