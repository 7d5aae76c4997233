using System.Text.RegularExpressions;

namespace StatService.Core.CodeLists;

/// <summary>What an import made: the entries, and codes it left out with the reason (for the summary).</summary>
public sealed record ImportedCodes(IReadOnlyList<CodeEntry> Entries, IReadOnlyList<CodeEntry> Procedures, IReadOnlyList<string> LeftOut);

/// <summary>
/// Builds the ICD-10 code list from SKS records: the diagnosis codes (D) valid on a date become
/// categories (<c>DE11</c>) and subcategories (<c>DE119</c>, <c>DB342A</c>); the chapter > block levels
/// come from the shipped list, each category going to the block whose range holds it.
/// Procedure codes (K operations, U imaging, B treatments) valid on the date become the procedures list:
/// main group letter (chapter) > two-letter group > codes, each under its longest listed prefix.
/// Danish texts are SKS's; English texts are kept from the shipped lists where they have the code, and
/// are otherwise the Danish text.
/// </summary>
public static partial class SksCodeLists
{
    /// <summary>SKS's procedure classifications: operations (K), imaging (U), treatments and care (B).</summary>
    private const string ProcedureLetters = "KUB";

    public static ImportedCodes Build(IReadOnlyList<SksRecord> records, CodeList shipped, CodeList? shippedProcedures, DateOnly validOn)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(shipped);
        var current = records.Where(r => r.IsValidOn(validOn))
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.Line).First())
            .ToList();
        var leftOut = new List<string>();

        var chapters = shipped.Entries.Where(e => e.Level == CodeLevels.Chapter).ToList();
        var blocks = shipped.Entries.Where(e => e.Level == CodeLevels.Block).ToList();
        var diagnoses = current.Where(r => r.Code.StartsWith('D')).ToList();
        var byCode = new Dictionary<string, CodeEntry>(StringComparer.Ordinal);
        foreach (var record in diagnoses.Where(r => Category().IsMatch(r.Code)))
        {
            var block = blocks.FirstOrDefault(b => InBlock(record.Code, b.Code));
            if (block is null)
            {
                leftOut.Add($"{record.Code} (line {record.Line}): in no ICD-10 block of the shipped list");
                continue;
            }

            byCode[record.Code] = Entry(record, block.Code, CodeLevels.Category, shipped);
        }

        foreach (var record in diagnoses.Where(r => !Category().IsMatch(r.Code)).OrderBy(r => r.Code.Length).ThenBy(r => r.Code, StringComparer.Ordinal))
        {
            if (!Subcategory().IsMatch(record.Code))
            {
                leftOut.Add($"{record.Code} (line {record.Line}): not an ICD-10 code");
                continue;
            }

            var parent = LongestPrefix(record.Code, byCode, minLength: 4);
            if (parent is null)
            {
                leftOut.Add($"{record.Code} (line {record.Line}): its category {record.Code[..4]} is not valid");
                continue;
            }

            byCode[record.Code] = Entry(record, parent, CodeLevels.Subcategory, shipped);
        }

        var entries = new List<CodeEntry>();
        var children = byCode.Values.Where(e => e.Parent is not null).ToLookup(e => e.Parent!, StringComparer.Ordinal);
        foreach (var chapter in chapters)
        {
            entries.Add(chapter);
            foreach (var block in blocks.Where(b => b.Parent == chapter.Code))
            {
                entries.Add(block);
                AddDepthFirst(block.Code, children, entries);
            }
        }

        var procedures = new Dictionary<string, CodeEntry>(StringComparer.Ordinal);
        foreach (var record in current.Where(r => ProcedureLetters.Contains(r.Code[0], StringComparison.Ordinal)).OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            // Main group letter and two-letter group head the hierarchy; SKS may not list them as codes.
            foreach (var head in new[] { record.Code[..1], record.Code[..Math.Min(2, record.Code.Length)] }.Distinct().Where(h => h != record.Code))
            {
                if (!procedures.ContainsKey(head) && shippedProcedures?.Find(head) is { } shippedHead)
                {
                    procedures[head] = shippedHead with { Parent = LongestPrefix(head, procedures, minLength: 1) };
                }
            }

            var parent = LongestPrefix(record.Code, procedures, minLength: 1);
            var level = record.Code.Length switch { 1 => "chapter", 2 => "group", _ => "code" };
            procedures[record.Code] = new CodeEntry(record.Code, parent, level, record.Text, shippedProcedures?.Find(record.Code)?.LabelEn ?? record.Text);
        }

        return new ImportedCodes(entries, [.. procedures.Values], leftOut);
    }

    // Blocks are written as ranges of categories, e.g. DE10-DE14.
    private static bool InBlock(string category, string block)
    {
        var dash = block.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
               && string.CompareOrdinal(category, block[..dash]) >= 0
               && string.CompareOrdinal(category, block[(dash + 1)..]) <= 0;
    }

    private static string? LongestPrefix(string code, IReadOnlyDictionary<string, CodeEntry> known, int minLength)
    {
        for (var length = code.Length - 1; length >= minLength; length--)
        {
            if (known.ContainsKey(code[..length]))
            {
                return code[..length];
            }
        }

        return null;
    }

    private static CodeEntry Entry(SksRecord record, string parent, string level, CodeList shipped) =>
        new(record.Code, parent, level, record.Text, shipped.Find(record.Code)?.LabelEn ?? record.Text);

    private static void AddDepthFirst(string parent, ILookup<string, CodeEntry> children, List<CodeEntry> into)
    {
        foreach (var child in children[parent].OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            into.Add(child);
            AddDepthFirst(child.Code, children, into);
        }
    }

    [GeneratedRegex("^D[A-Z][0-9]{2}$")]
    private static partial Regex Category();

    [GeneratedRegex("^D[A-Z][0-9]{2}[0-9A-Z]{1,4}$")]
    private static partial Regex Subcategory();
}
