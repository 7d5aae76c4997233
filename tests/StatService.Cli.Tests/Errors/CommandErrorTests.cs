namespace StatService.Cli.Tests.Errors;

/// <summary>Every command answers a user's mistake with one line naming the command and exit code 2, never a stack trace.</summary>
public sealed class CommandErrorTests : IClassFixture<CommandErrorTests.SmallExtract>
{
    private readonly SmallExtract _extract;

    public CommandErrorTests(SmallExtract extract) => _extract = extract;

    [Fact]
    public async Task An_order_outside_the_extract_is_one_line_and_exit_code_2()
    {
        using var folder = new TemporaryDirectory();
        var order = folder.Write("order.json", """
            {"product": "patient-count",
             "parameters": {"diagnoses": {"include": ["DE11"], "exclude": []}, "medications": {"include": []},
                            "period": {"from": "2001-01-01", "to": "2002-12-31"}, "indexDate": "2002-12-31",
                            "age": {"min": null, "max": null}, "sex": null, "regions": [], "breakdown": ["sex"]}}
            """);

        await AssertUserErrorAsync("bench order:", "period", "bench", "order", "--extract", _extract.Folder, "--order", order, "--runs", "0");
    }

    [Fact]
    public async Task A_missing_extract_folder_is_one_line_and_exit_code_2() =>
        await AssertUserErrorAsync("bench order:", "manifest", "bench", "order", "--extract", Path.Combine(_extract.Folder, "missing"), "--runs", "0");

    [Fact]
    public async Task An_order_file_that_is_not_json_is_one_line_and_exit_code_2()
    {
        using var folder = new TemporaryDirectory();
        var order = folder.Write("order.json", "{\"product\": ");

        await AssertUserErrorAsync("bench order:", "", "bench", "order", "--extract", _extract.Folder, "--order", order, "--runs", "0");
    }

    [Fact]
    public async Task An_unknown_option_is_one_line_and_exit_code_2() =>
        await AssertUserErrorAsync("extract generate:", "--no-such-option", "extract", "generate", "--no-such-option");

    private static async Task AssertUserErrorAsync(string prefix, string mentions, params string[] arguments)
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(arguments);

        Assert.True(exitCode == 2, $"exit code {exitCode}: {error}");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith(prefix, lines[0], StringComparison.Ordinal);
        Assert.Contains(mentions, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>A small synthetic extract (2019-2023) for the commands to be wrong about.</summary>
    public sealed class SmallExtract() : SmallSyntheticExtract("cli-extract", seed: 2, fromYear: 2019);
}
