using StatService.Cli.Tests.ManualTables;

namespace StatService.Cli.Tests.Protect;

/// <summary>
/// The built <c>statservice</c> as a real process: the command is registered, exit codes reach the
/// shell, and bad input prints one line and no stack trace.
/// </summary>
public class ProtectProcessTests
{
    [Fact]
    public async Task Protects_worked_example_one_as_a_process()
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", Tables.RegionBySex);

        var (exitCode, output, error) = await RunAsync("protect", "--input", input, "--max-sensitive", "2", "--output", folder.File("result.json"));

        Assert.True(exitCode == 0, error);
        Assert.Contains("audit passed", output, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.File("result.json")));
    }

    [Fact]
    public async Task Bad_input_exits_with_2_and_one_line_without_a_stack_trace()
    {
        using var folder = new TemporaryDirectory();
        var input = folder.Write("table.csv", "region,sex,count\nA,male,18\nA,total,20\n");

        var (exitCode, output, error) = await RunAsync("protect", "--input", input, "--output", folder.File("result.json"));

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            "protect: table.csv line 3, column 2 (sex): 'total' is the margin; give inner cells only (margins are computed).",
            error.TrimEnd());
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => CliProcess.RunAsync(arguments);
}
