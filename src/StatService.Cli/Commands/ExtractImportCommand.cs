using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StatService.Core.CodeLists;
using StatService.Data.Extracts.Import;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Commands;

/// <summary><c>statservice extract import</c>: validates a register delivery and makes it a new, immutable extract version.</summary>
internal static class ExtractImportCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from")
        {
            Description = "The delivery folder: register files as Parquet or CSV, under the service's, SDS's or DST's names.",
            Required = true,
        };
        var version = new Option<string>("--version")
        {
            Description = "Name of the new version, e.g. sds-2024-06 (letters, digits, '.', '_', '-').",
            Required = true,
        };
        var to = new Option<DirectoryInfo>("--to")
        {
            Description = "The extracts folder the version is created in.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("data", "extracts")),
        };
        var format = new Option<DeliveryFormat>("--format")
        {
            Description = "Read only Parquet or only CSV files; auto reads both.",
            DefaultValueFactory = _ => DeliveryFormat.Auto,
        };
        var codeLists = new Option<DirectoryInfo?>("--codelists")
        {
            Description = "Code lists to report unknown diagnosis and ATC codes against (default: the shipped lists).",
        };
        var command = new Command("import", "Validate a register delivery and create an immutable extract version (a DuckDB database and manifest.json).")
        {
            from, version, to, format, codeLists,
        };
        command.SetAction(async (parse, ct) =>
        {
            var lists = parse.GetValue(codeLists)?.FullName ?? Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists");
            var request = new ExtractImportRequest(parse.GetValue(from)!.FullName, parse.GetValue(version)!, parse.GetValue(to)!.FullName)
            {
                Format = parse.GetValue(format),
                CodeLists = CodeListSet.Load(lists),
            };
            return await RunAsync(request, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(ExtractImportRequest request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await ExtractImporter.ImportAsync(request, new ConsoleProgress(), ct).ConfigureAwait(false);
            foreach (var warning in result.Warnings)
            {
                Console.Out.WriteLine(warning.ToString());
            }

            var manifest = result.Manifest;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"created {manifest.ExtractVersion} ({manifest.CoverageFrom:yyyy-MM-dd} to {manifest.CoverageTo:yyyy-MM-dd}, " +
                $"{manifest.Tables.Values.Sum(t => t.Rows):N0} rows) in {result.Folder} in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }
        catch (ExtractImportException e)
        {
            foreach (var problem in e.Problems)
            {
                await Console.Error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("The delivery was refused; nothing was written.").ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
    }
}
