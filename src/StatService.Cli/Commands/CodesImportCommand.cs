using System.CommandLine;
using StatService.Core.CodeLists;
using StatService.Worker.Pipeline;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice codes import</c>: turns an official published list (SKS complete file for ICD-10,
/// WHO ATC/DDD index or the Danish medicinpriser ATC list) into the service's code list files, in a
/// folder that <c>CodeLists:Directory</c> can point at. The folder is completed with the shipped lists it
/// lacks and must load as a whole before anything in it is replaced.
/// </summary>
internal static class CodesImportCommand
{
    public static Command Create()
    {
        var system = new Option<string>("--system")
        {
            Description = "icd10 (an SKS complete file) or atc (WHO ATC/DDD index CSV, or the medicinpriser ATC list).",
            Required = true,
        };
        system.AcceptOnlyFromAmong("icd10", "atc");
        var from = new Option<FileInfo>("--from")
        {
            Description = "The published file, as downloaded (UTF-8 or latin1).",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the code list files (created if needed).",
            Required = true,
        };
        var validOn = new Option<DateOnly?>("--valid-on")
        {
            Description = "Keep SKS entries valid on this date (default: today).",
        };
        var shipped = new Option<DirectoryInfo?>("--shipped")
        {
            Description = "The lists giving the ICD-10 chapters and blocks, other-language texts and missing files (default: the shipped queries/codelists).",
        };
        var command = new Command("import", "Import a complete official code list (SKS or ATC) into code list files.")
        {
            system, from, output, validOn, shipped,
        };
        command.SetAction(async (parse, ct) =>
        {
            var date = parse.GetValue(validOn) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var shippedDir = parse.GetValue(shipped)?.FullName ?? Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists");
            return await RunAsync(parse.GetValue(system)!, parse.GetValue(from)!, parse.GetValue(output)!.FullName, date, shippedDir).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(string system, FileInfo from, string output, DateOnly validOn, string shippedDirectory)
    {
        try
        {
            if (!from.Exists)
            {
                throw new FileNotFoundException($"{from.FullName} does not exist.");
            }

            var shipped = CodeListSet.Load(shippedDirectory);
            var text = CodeListFolder.ReadText(from.FullName);
            var importedAt = DateTimeOffset.UtcNow;
            var files = new Dictionary<string, Action<TextWriter>>(StringComparer.Ordinal);
            ImportedCodes codes;
            if (system == "icd10")
            {
                var records = SksCompleteReader.Read(new StringReader(text), from.Name);
                var shippedProcedures = File.Exists(Path.Combine(shippedDirectory, ProcedureCodes.File)) ? ProcedureCodes.Load(shippedDirectory).List : null;
                codes = SksCodeLists.Build(records, shipped.Icd10, shippedProcedures, validOn);
                string[] comments =
                [
                    CodeListFile.SourceComment("SKS classification (Sundhedsdatastyrelsen), diagnosis codes (D)", from.Name, validOn, importedAt),
                    "Chapters and blocks are the service's shipped ICD-10 chapter/block list; each category is placed in the block whose range holds it",
                    "Danish titles are the SKS texts; English titles are kept from the shipped list where it has the code, otherwise the Danish text",
                ];
                files[CodeListSet.Icd10File] = w => CodeListFile.WriteHierarchy(w, comments, codes.Entries);
                if (codes.Procedures.Count > 0)
                {
                    string[] procedureComments =
                    [
                        CodeListFile.SourceComment("SKS classification (Sundhedsdatastyrelsen), procedure codes (K, U, B)", from.Name, validOn, importedAt),
                        "Level chapter is the main group letter, group the two-letter group, code a procedure; parent is the longest listed prefix",
                    ];
                    files[CodeListFolder.ProceduresFile] = w => CodeListFile.WriteHierarchy(w, procedureComments, codes.Procedures);
                }
            }
            else
            {
                var who = AtcCodeLists.IsWhoIndex(text.Split('\n', 2)[0].TrimStart('\uFEFF'));
                codes = who
                    ? AtcCodeLists.ReadWhoIndex(new StringReader(text), from.Name, shipped.Atc)
                    : AtcCodeLists.ReadMedicinpriser(new StringReader(text), from.Name, shipped.Atc);
                string[] comments =
                [
                    CodeListFile.SourceComment(who ? "WHO ATC/DDD index" : "Danish ATC list (medicinpriser.dk)", from.Name, validOn, importedAt),
                    who ? "English names are WHO's; Danish titles are kept from the shipped list where it has the code, otherwise the English name"
                        : "Danish texts are the list's; English titles are kept from the shipped list where it has the code, otherwise the Danish text",
                    "Levels 1-5 have code lengths 1/3/4/5/7; parent is the code's prefix at the previous level",
                ];
                files[CodeListSet.AtcFile] = w => CodeListFile.WriteHierarchy(w, comments, codes.Entries);
            }

            CodeListFolder.Install(files, output, shippedDirectory, folder =>
            {
                CodeListSet.Load(folder);
                if (File.Exists(Path.Combine(folder, ProcedureCodes.File)))
                {
                    ProcedureCodes.Load(folder);
                }
            });
            Console.Out.WriteLine($"wrote {string.Join(", ", files.Keys)} to {output}: {codes.Entries.Count} codes" +
                                  (codes.Procedures.Count > 0 ? $", {codes.Procedures.Count} procedure codes" : string.Empty) +
                                  (codes.LeftOut.Count > 0 ? $"; {codes.LeftOut.Count} notes:" : string.Empty));
            foreach (var note in codes.LeftOut.Take(20))
            {
                Console.Out.WriteLine("  " + note);
            }

            return 0;
        }
        catch (Exception e) when (e is CodeSourceFormatException or CodeListFormatException or FileNotFoundException or DirectoryNotFoundException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync("Nothing was written.").ConfigureAwait(false);
            return 2;
        }
    }
}
