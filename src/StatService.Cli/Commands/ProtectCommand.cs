using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.Tables.ManualTables;
using StatService.Delivery;
using StatService.Disclosure;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice protect</c>: disclosure control for a hand-made table. Reads inner cells from CSV
/// (with optional hierarchies), protects the table with the same disclosure control as orders (the policy's method:
/// suppression or rounding), and writes the result in the delivered JSON or CSV format (CSV with the information-loss
/// report beside it). Public so tests can invoke it in process.
/// </summary>
public static class ProtectCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input")
        {
            HelpName = "file",
            Description = "The table as CSV: one column per dimension and a count column, inner cells only.",
            Required = true,
        };
        var hierarchies = new Option<string[]>("--hierarchy")
        {
            HelpName = "name=file",
            Description = "A code,parent[,label] CSV for the dimension name (repeat for several); other dimensions are flat.",
        };
        var policy = new Option<string>("--policy")
        {
            HelpName = "name|file.json",
            Description = $"Disclosure policy: one of {string.Join(", ", DisclosurePolicyJson.Named.Keys)}, or a policy file (.json) with the fields of a product's \"disclosure\" object.",
            DefaultValueFactory = _ => DisclosurePolicy.DanishDefault.Name,
        };
        var maxSensitive = new Option<int?>("--max-sensitive")
        {
            HelpName = "n",
            Description = "Counts from 1 up to this are primary suppressions (default: the policy's, 4).",
        };
        var output = new Option<FileInfo>("--output")
        {
            HelpName = "file",
            Description = "Result file: .json (the delivered result document) or .csv.",
            Required = true,
        };
        var command = new Command("protect", "Apply disclosure control to a hand-made count table.")
        {
            input, hierarchies, policy, maxSensitive, output,
        };
        command.SetAction((parse, ct) => RunAsync(
            new ProtectRequest(parse.GetValue(input)!, parse.GetValue(hierarchies) ?? [], parse.GetValue(policy)!, parse.GetValue(maxSensitive), parse.GetValue(output)!),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(ProtectRequest request, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var policy = ResolvePolicy(request);
            var asCsv = IsCsvOutput(request.Output);
            var hierarchyFiles = ParseHierarchyOptions(request.Hierarchies);
            var dimensions = hierarchyFiles.Select(h => ReadFile(h.File, reader => HierarchyReader.Read(h.Dimension, reader, h.File.Name))).ToArray();
            var tableName = Path.GetFileNameWithoutExtension(request.Input.Name);
            var table = ReadFile(request.Input, reader => ManualTableReader.Read(tableName, reader, request.Input.Name, dimensions));

            var release = new ReleaseProtection().Protect([table], policy, ct);
            var text = asCsv ? ResultCsvWriter.Write(release) : ResultJsonWriter.Write(Metadata(request, hierarchyFiles, policy), release);
            // The CSV text starts with U+FEFF; the default UTF-8 encoding writes it as the byte order mark.
            await File.WriteAllTextAsync(request.Output.FullName, text, ct).ConfigureAwait(false);
            var written = request.Output.Name;
            if (asCsv)
            {
                // The cell CSV keeps one row per cell; the information-loss report goes beside it.
                var lossFile = LossFile(request.Output);
                await File.WriteAllTextAsync(lossFile.FullName, ResultCsvWriter.WriteInformationLoss(release), ct).ConfigureAwait(false);
                written += $" and {lossFile.Name}";
            }

            await stdout.WriteLineAsync(Describe(request.Input.Name, table.CellCount, release.Summary, clock.Elapsed, written)).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is BadInputException or ManualTableFormatException or DisclosureException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // One line a caseworker can act on; a stack trace helps nobody here.
            await stderr.WriteLineAsync($"protect: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return BadInput;
        }
    }

    private static string Describe(string input, int cells, DisclosureSummary summary, TimeSpan elapsed, string written)
    {
        var loss = summary.Loss;
        var adjusted = summary.Method switch
        {
            DisclosureMethod.Rounding => $", {loss?.Adjusted} cells rounded",
            DisclosureMethod.CellKey => $", {loss?.Adjusted} cells perturbed, totals not additive",
            _ => string.Empty,
        };
        var hidden = loss?.ShareOfTotalHidden is { } share
            ? string.Create(CultureInfo.InvariantCulture, $", {share * 100:0.0} % of the grand total hidden")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{input}: {cells} cells, {summary.PrimarySuppressions} primary and {summary.SecondarySuppressions} secondary suppressions " +
            $"({DisclosureMethodText.Of(summary.Method)}){adjusted}{hidden}, " +
            $"audit passed, {elapsed.TotalSeconds:F1} s; wrote {written}");
    }

    private static FileInfo LossFile(FileInfo output) =>
        new(Path.Combine(output.DirectoryName ?? ".", $"{Path.GetFileNameWithoutExtension(output.Name)}.loss.csv"));

    /// <summary>A named policy, or a policy file with the fields of a product's "disclosure" object.</summary>
    private static DisclosurePolicy ResolvePolicy(ProtectRequest request)
    {
        DisclosurePolicy policy;
        if (DisclosurePolicyJson.Named.TryGetValue(request.Policy, out var named))
        {
            policy = named;
        }
        else if (request.Policy.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var file = new FileInfo(request.Policy);
            policy = ReadFile(file, reader => DisclosurePolicyJson.Parse(reader.ReadToEnd(), file.Name));
        }
        else
        {
            throw new BadInputException($"unknown policy '{request.Policy}'; known: {string.Join(", ", DisclosurePolicyJson.Named.Keys)}, or a policy file ending in .json.");
        }

        if (policy.Method == DisclosureMethod.CellKey)
        {
            throw new BadInputException(
                $"policy '{policy.Name}' uses cell-key perturbation, which needs each person's record key; a hand-made table has none. Use suppression or rounding.");
        }

        return request.MaxSensitive switch
        {
            null => policy,
            < 1 => throw new BadInputException("--max-sensitive must be at least 1."),
            { } max => policy with { MaxSensitiveCount = max },
        };
    }

    private static bool IsCsvOutput(FileInfo output) => output.Extension.ToLowerInvariant() switch
    {
        ".csv" => true,
        ".json" => false,
        _ => throw new BadInputException($"--output {output.Name} must end in .json or .csv."),
    };

    private static List<HierarchyFile> ParseHierarchyOptions(IEnumerable<string> values)
    {
        var files = new List<HierarchyFile>();
        foreach (var value in values)
        {
            var split = value.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0 || split == value.Length - 1)
            {
                throw new BadInputException($"--hierarchy '{value}' must be name=file, e.g. region=regions.csv.");
            }

            var name = value[..split].Trim();
            if (files.Exists(f => f.Dimension == name))
            {
                throw new BadInputException($"--hierarchy names '{name}' twice.");
            }

            files.Add(new HierarchyFile(name, new FileInfo(value[(split + 1)..].Trim())));
        }

        return files;
    }

    private static T ReadFile<T>(FileInfo file, Func<TextReader, T> read)
    {
        if (!file.Exists)
        {
            throw new BadInputException($"{file.Name}: no such file.");
        }

        using var reader = File.OpenText(file.FullName);
        return read(reader);
    }

    /// <summary>File names only: the parameters travel with the result, machine paths must not.</summary>
    private static ReleaseMetadata Metadata(ProtectRequest request, IReadOnlyList<HierarchyFile> hierarchies, DisclosurePolicy policy)
    {
        var parameters = JsonSerializer.Serialize(new
        {
            input = request.Input.Name,
            hierarchies = hierarchies.ToDictionary(h => h.Dimension, h => h.File.Name),
            policy = policy.Name,
            method = DisclosureMethodText.Of(policy.Method),
            maxSensitive = policy.MaxSensitiveCount,
        });
        return new ReleaseMetadata(Guid.Empty, "protect", parameters, "manual", "count", DateTimeOffset.UtcNow);
    }

    private sealed record ProtectRequest(FileInfo Input, string[] Hierarchies, string Policy, int? MaxSensitive, FileInfo Output);

    private sealed record HierarchyFile(string Dimension, FileInfo File);

    private sealed class BadInputException(string message) : Exception(message);
}
