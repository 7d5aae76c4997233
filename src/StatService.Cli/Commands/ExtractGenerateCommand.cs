using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using StatService.Data.Extracts.Synthetic;

namespace StatService.Cli.Commands;

/// <summary><c>statservice extract generate</c>: writes a synthetic register extract.</summary>
internal static class ExtractGenerateCommand
{
    public static Command Create()
    {
        var persons = new Option<long>("--persons")
        {
            Description = "Residents at the start of coverage (5900000 is national scale).",
            Required = true,
        };
        var from = new Option<DateOnly>("--from")
        {
            Description = "First day of coverage.",
            DefaultValueFactory = _ => new DateOnly(2019, 1, 1),
        };
        var to = new Option<DateOnly>("--to")
        {
            Description = "Last day of coverage.",
            DefaultValueFactory = _ => new DateOnly(2023, 12, 31),
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seed; the same seed and arguments give the same tables.",
            DefaultValueFactory = _ => 1,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write the Parquet files and manifest.json to.",
            Required = true,
        };
        var memory = new Option<int?>("--memory-limit-mb")
        {
            Description = "DuckDB memory limit in MB (default: 60 % of available memory).",
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "DuckDB threads (default: one per processor).",
        };

        var command = new Command("generate", "Generate a synthetic extract shaped like the national registers.")
        {
            persons, from, to, seed, output, memory, threads,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new SyntheticExtractOptions
            {
                Persons = parse.GetValue(persons),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                Seed = parse.GetValue(seed),
                OutputDirectory = parse.GetValue(output)!.FullName,
                MemoryLimitBytes = parse.GetValue(memory) is { } mb ? mb * 1024L * 1024L : null,
                Threads = parse.GetValue(threads),
            };
            return await RunAsync(options, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(SyntheticExtractOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            options.Validate();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generating {options.ExtractVersion}, {options.From:yyyy-MM-dd}..{options.To:yyyy-MM-dd}"));
            var manifest = await SyntheticExtractGenerator.GenerateAsync(options, new ConsoleProgress(), ct).ConfigureAwait(false);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {manifest.ExtractVersion} ({manifest.Tables.Count} tables) in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }
        catch (Exception e) when (e is ValidationException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
    }
}
