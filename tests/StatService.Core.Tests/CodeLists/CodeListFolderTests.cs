using System.Text;
using StatService.Core.CodeLists;

namespace StatService.Core.Tests.CodeLists;

/// <summary>Installing imported lists into a code list folder: complete, loadable, or untouched.</summary>
public sealed class CodeListFolderTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("codelists-out-").FullName;

    private static readonly string[] Icd10 =
    [
        "code,parent,level,label_da,label_en",
        "chIV,,chapter,Endokrine sygdomme,Endocrine diseases",
        "DE10-DE14,chIV,block,Sukkersyge,Diabetes mellitus",
        "DE11,DE10-DE14,category,Type 2-diabetes,Type 2 diabetes mellitus",
    ];

    [Fact]
    public void The_folder_is_completed_with_shipped_lists_and_keeps_its_own()
    {
        var ownRegions = File.ReadAllText(Path.Combine(RepositoryCodeLists.Folder, CodeListSet.RegionsFile)).Replace("# Source", "# Our own copy; source", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_output, CodeListSet.RegionsFile), ownRegions);

        CodeListFolder.Install(Files(Icd10), _output, RepositoryCodeLists.Folder, folder => CodeListSet.Load(folder));

        var lists = CodeListSet.Load(_output);
        Assert.Equal(["chIV", "DE10-DE14", "DE11"], lists.Icd10.Entries.Select(e => e.Code));
        Assert.Equal(ownRegions, File.ReadAllText(Path.Combine(_output, CodeListSet.RegionsFile)));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryCodeLists.Folder, CodeListSet.AtcFile)), File.ReadAllText(Path.Combine(_output, CodeListSet.AtcFile)));
        Assert.Empty(Directory.EnumerateFiles(_output, "*.tmp"));
    }

    [Fact]
    public void Files_that_do_not_load_together_replace_nothing()
    {
        CodeListFolder.Install(Files(Icd10), _output, RepositoryCodeLists.Folder, folder => CodeListSet.Load(folder));
        var before = File.ReadAllText(Path.Combine(_output, CodeListSet.Icd10File));

        string[] dangling = [.. Icd10, "DE119,DE11X,subcategory,Uden komplikationer,Without complications"];
        var error = Assert.Throws<CodeListFormatException>(() =>
            CodeListFolder.Install(Files(dangling), _output, RepositoryCodeLists.Folder, folder => CodeListSet.Load(folder)));

        Assert.Equal(6, error.Line);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_output, CodeListSet.Icd10File)));
    }

    [Fact]
    public void Downloads_are_read_as_utf8_or_latin1()
    {
        var latin1 = Path.Combine(_output, "latin1.txt");
        var utf8 = Path.Combine(_output, "utf8.txt");
        File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes("Kronisk obstruktiv lungesygdom, æøå"));
        File.WriteAllBytes(utf8, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Sukkersyge, æøå")]);

        Assert.Equal("Kronisk obstruktiv lungesygdom, æøå", CodeListFolder.ReadText(latin1));
        Assert.Equal("Sukkersyge, æøå", CodeListFolder.ReadText(utf8));
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static Dictionary<string, Action<TextWriter>> Files(string[] icd10Lines) => new(StringComparer.Ordinal)
    {
        [CodeListSet.Icd10File] = w => w.Write("# Source: test\n" + string.Join('\n', icd10Lines) + "\n"),
    };
}
