namespace StatService.Core.CodeLists;

/// <summary>
/// SKS procedure codes orders may select by prefix, from <c>queries/codelists/procedures.csv</c>
/// (same layout as the ICD-10 and ATC files: code, parent, level, Danish and English title).
/// </summary>
public sealed class ProcedureCodes(CodeList list)
{
    public const string File = "procedures.csv";

    private static readonly string[] Header = ["code", "parent", "level", "label_da", "label_en"];

    public CodeList List { get; } = list;

    public static ProcedureCodes Load(string codeListsDirectory)
    {
        using var reader = new StreamReader(Path.Combine(codeListsDirectory, File));
        var rows = CodeListCsv.Read(reader, File, Header);
        var entries = rows.Select(r => new CodeEntry(r.Fields[0], r.Fields[1].Length == 0 ? null : r.Fields[1], r.Fields[2], r.Fields[3], r.Fields[4]));
        return new ProcedureCodes(new CodeList("sks-procedures", entries));
    }
}
