namespace StatService.Core.CodeLists;

/// <summary>
/// The code lists orders are checked against, loaded once from <c>queries/codelists</c>:
/// ICD-10 as SKS diagnosis codes, ATC, the five regions and the 98 municipalities (whose parent is
/// their region code).
/// </summary>
public sealed class CodeListSet(CodeList icd10, CodeList atc, CodeList regions, CodeList municipalities)
{
    public const string Icd10File = "icd10.csv";
    public const string AtcFile = "atc.csv";
    public const string RegionsFile = "regions.csv";
    public const string MunicipalitiesFile = "municipalities.csv";

    private static readonly string[] HierarchyHeader = ["code", "parent", "level", "label_da", "label_en"];
    private static readonly string[] RegionsHeader = ["code", "label_da", "label_en"];
    private static readonly string[] MunicipalitiesHeader = ["code", "region", "label_da"];
    private static readonly string[] Icd10Levels = [CodeLevels.Chapter, CodeLevels.Block, CodeLevels.Category, CodeLevels.Subcategory];
    private static readonly string[] AtcLevels = [.. Enumerable.Range(1, 5).Select(CodeLevels.Atc)];

    public CodeList Icd10 { get; } = icd10;

    public CodeList Atc { get; } = atc;

    public CodeList Regions { get; } = regions;

    public CodeList Municipalities { get; } = municipalities;

    /// <summary>
    /// Reads the four files from <paramref name="directory"/>. A malformed file, an unknown level, a
    /// duplicate code or a parent that does not exist fails with a <see cref="CodeListFormatException"/>
    /// naming the file and line.
    /// </summary>
    public static CodeListSet Load(string directory)
    {
        var synonyms = SearchSynonyms.Load(directory);
        var icd10 = Hierarchy(directory, Icd10File, "icd10", Icd10Levels,
            e => e.Level is CodeLevels.Category or CodeLevels.Subcategory, synonyms);
        var atc = Hierarchy(directory, AtcFile, "atc", AtcLevels, isSelectable: null, synonyms);

        var regionRows = Read(directory, RegionsFile, RegionsHeader);
        var regions = Build(RegionsFile, "regions",
            regionRows.Select(r => (r.Line, new CodeEntry(r.Fields[0], null, CodeLevels.Region, r.Fields[1], r.Fields[2]))),
            externalParents: null, isSelectable: null);

        // Municipality names are the same in both languages.
        var municipalityRows = Read(directory, MunicipalitiesFile, MunicipalitiesHeader);
        var municipalities = Build(MunicipalitiesFile, "municipalities",
            municipalityRows.Select(r => (r.Line, new CodeEntry(r.Fields[0], r.Fields[1], CodeLevels.Municipality, r.Fields[2], r.Fields[2]))),
            externalParents: regions, isSelectable: null);

        return new CodeListSet(icd10, atc, regions, municipalities);
    }

    private static CodeList Hierarchy(string directory, string file, string system, string[] levels, Func<CodeEntry, bool>? isSelectable, SearchSynonyms synonyms)
    {
        var rows = Read(directory, file, HierarchyHeader);
        foreach (var row in rows.Where(r => !levels.Contains(r.Fields[2], StringComparer.Ordinal)))
        {
            throw new CodeListFormatException(file, row.Line, $"unknown level '{row.Fields[2]}'; expected one of {string.Join(", ", levels)}.");
        }

        return Build(file, system,
            rows.Select(r => (r.Line, new CodeEntry(r.Fields[0], r.Fields[1].Length == 0 ? null : r.Fields[1], r.Fields[2], r.Fields[3], r.Fields[4]))),
            externalParents: null, isSelectable, synonyms);
    }

    private static IReadOnlyList<Csv.CsvRecord> Read(string directory, string file, string[] header)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Code list file {file} is missing from {directory}.", path);
        }

        using var reader = File.OpenText(path);
        return CodeListCsv.Read(reader, file, header);
    }

    // Checks what the CodeList itself cannot report by line: empty fields, duplicates, dangling parents.
    private static CodeList Build(string file, string system, IEnumerable<(int Line, CodeEntry Entry)> rows,
        CodeList? externalParents, Func<CodeEntry, bool>? isSelectable, SearchSynonyms? synonyms = null)
    {
        var list = rows.ToList();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, entry) in list)
        {
            if (entry.Code.Length == 0 || entry.LabelDa.Length == 0 || entry.LabelEn.Length == 0)
            {
                throw new CodeListFormatException(file, line, "code and labels must not be empty.");
            }

            if (!lineOf.TryAdd(entry.Code, line))
            {
                throw new CodeListFormatException(file, line, $"code {entry.Code} already defined on line {lineOf[entry.Code]}.");
            }
        }

        foreach (var (line, entry) in list)
        {
            if (entry.Parent is { } parent && !lineOf.ContainsKey(parent) && externalParents?.Find(parent) is null)
            {
                throw new CodeListFormatException(file, line, $"parent {parent} of {entry.Code} is not a known code.");
            }
        }

        return new CodeList(system, list.Select(r => r.Entry), isSelectable, synonyms);
    }
}
