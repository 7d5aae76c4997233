using System.Globalization;
using System.Text.RegularExpressions;
using StatService.Core.Csv;

namespace StatService.Core.CodeLists;

/// <summary>
/// Builds the ATC code list from a published list: the WHO ATC/DDD index as CSV
/// (<c>atc_code,atc_name,ddd,uom,adm_r,note</c>, one row per DDD, so codes repeat) or the Danish
/// medicinpriser ATC list (semicolon-separated, an ATC code column and a Danish text column). Levels
/// follow the code length (1/3/4/5/7 characters), parents are the code's prefix at the level above; an
/// ancestor missing from the file is taken from the shipped list. WHO names are English (capitals made
/// sentence case) and Danish texts are kept from the shipped list; for the Danish list the reverse.
/// Malformed lines are reported together, by line number.
/// </summary>
public static partial class AtcCodeLists
{
    private static readonly int[] LevelLengths = [1, 3, 4, 5, 7];

    /// <summary>True when the header names the WHO index's <c>atc_code</c> column.</summary>
    public static bool IsWhoIndex(string headerLine) =>
        headerLine.Split([',', ';'], StringSplitOptions.TrimEntries).Any(h => h.Trim('"').Equals("atc_code", StringComparison.OrdinalIgnoreCase));

    public static ImportedCodes ReadWhoIndex(TextReader reader, string fileName, CodeList shipped) =>
        Read(reader, fileName, shipped, ',', english: true,
            header => (Find(header, h => h == "atc_code"), Find(header, h => h == "atc_name")));

    public static ImportedCodes ReadMedicinpriser(TextReader reader, string fileName, CodeList shipped) =>
        Read(reader, fileName, shipped, ';', english: false,
            header => (Find(header, h => h.Contains("atc", StringComparison.Ordinal) && !IsText(h)), Find(header, IsText)));

    private static bool IsText(string header) =>
        header.Contains("tekst", StringComparison.Ordinal) || header.Contains("text", StringComparison.Ordinal)
        || header.Contains("navn", StringComparison.Ordinal) || header.Contains("name", StringComparison.Ordinal);

    private static int Find(IReadOnlyList<string> header, Func<string, bool> matches)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (matches(header[i].ToLowerInvariant()))
            {
                return i;
            }
        }

        return -1;
    }

    private static ImportedCodes Read(TextReader reader, string fileName, CodeList shipped, char delimiter, bool english,
        Func<IReadOnlyList<string>, (int Code, int Name)> columnsOf)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(shipped);
        var problems = new List<CodeSourceProblem>();
        var names = new Dictionary<string, (int Line, string Name)>(StringComparer.Ordinal);
        IReadOnlyList<string>? header = null;
        (int Code, int Name) columns = (-1, -1);
        var records = CsvRecords.Read(reader, (line, column, problem) => new CodeSourceFormatException(fileName, [new CodeSourceProblem(line, $"column {column}: {problem}")]),
            skipCommentLines: true, delimiter);
        foreach (var record in records)
        {
            if (header is null)
            {
                header = record.Fields;
                columns = columnsOf(header);
                if (columns.Code < 0 || columns.Name < 0)
                {
                    throw new CodeSourceFormatException(fileName, [new CodeSourceProblem(record.Line,
                        $"the header '{string.Join(delimiter, header)}' has no {(english ? "atc_code and atc_name columns" : "ATC code and text columns")}.")]);
                }

                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                problems.Add(new CodeSourceProblem(record.Line, $"{record.Fields.Count} fields; the header has {header.Count}."));
                continue;
            }

            var code = record.Fields[columns.Code].ToUpperInvariant();
            var name = record.Fields[columns.Name];
            if (!AtcShape().IsMatch(code))
            {
                problems.Add(new CodeSourceProblem(record.Line, $"'{code}' is not an ATC code (1, 3, 4, 5 or 7 characters such as A10BA02)."));
            }
            else if (name.Length == 0)
            {
                problems.Add(new CodeSourceProblem(record.Line, $"code {code} has no name."));
            }
            else
            {
                // The WHO index repeats a substance once per DDD; the first row names it.
                names.TryAdd(code, (record.Line, english ? SentenceCase(name) : name));
            }
        }

        if (header is null)
        {
            problems.Add(new CodeSourceProblem(1, "the file is empty."));
        }

        var entries = new Dictionary<string, CodeEntry>(StringComparer.Ordinal);
        foreach (var (code, (line, name)) in names)
        {
            var parent = ParentOf(code);
            var known = shipped.Find(code);
            entries[code] = new CodeEntry(code, parent, CodeLevels.Atc(Level(code)),
                english ? known?.LabelDa ?? name : name, english ? name : known?.LabelEn ?? name);
        }

        // Ancestors a list leaves out (the Danish list may hold substances only) come from the shipped list.
        var leftOut = new List<string>();
        foreach (var (code, (line, _)) in names.OrderBy(n => n.Key.Length))
        {
            for (var ancestor = ParentOf(code); ancestor is not null && !entries.ContainsKey(ancestor); ancestor = ParentOf(ancestor))
            {
                if (shipped.Find(ancestor) is { } fromShipped)
                {
                    entries[ancestor] = fromShipped with { Parent = ParentOf(ancestor) };
                    leftOut.Add($"{ancestor}: not in the file, taken from the shipped list");
                }
                else
                {
                    problems.Add(new CodeSourceProblem(line, $"the parent {ancestor} of {code} is neither in the file nor in the shipped list."));
                    break;
                }
            }
        }

        return problems.Count > 0
            ? throw new CodeSourceFormatException(fileName, [.. problems.OrderBy(p => p.Line)])
            : new ImportedCodes([.. entries.Values.OrderBy(e => e.Code, StringComparer.Ordinal)], [], leftOut);
    }

    private static int Level(string code) => Array.IndexOf(LevelLengths, code.Length) + 1;

    private static string? ParentOf(string code)
    {
        var level = Level(code);
        return level <= 1 ? null : code[..LevelLengths[level - 2]];
    }

    // "ALIMENTARY TRACT AND METABOLISM" -> "Alimentary tract and metabolism"; mixed case is kept.
    private static string SentenceCase(string name) =>
        name.Any(char.IsLower) || name.Length < 2
            ? name
            : char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..].ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex("^([A-Z]|[A-Z][0-9]{2}|[A-Z][0-9]{2}[A-Z]|[A-Z][0-9]{2}[A-Z]{2}|[A-Z][0-9]{2}[A-Z]{2}[0-9]{2})$")]
    private static partial Regex AtcShape();
}
