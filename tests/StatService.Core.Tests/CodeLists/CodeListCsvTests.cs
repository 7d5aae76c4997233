using StatService.Core.CodeLists;

namespace StatService.Core.Tests.CodeLists;

public sealed class CodeListCsvTests
{
    private static readonly string[] Header = ["code", "label_da", "label_en"];

    [Fact]
    public void Reads_quoted_fields_and_skips_comment_lines()
    {
        const string text = "# Source: test\n# Licence note: none\ncode,label_da,label_en\n" +
                            "A,\"Kolera, asiatisk\",\"Say \"\"hi\"\"\"\n\nB,\"to\nlinjer\",x\nC,,\n";
        var rows = CodeListCsv.Read(new StringReader(text), "test.csv", Header);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["A", "Kolera, asiatisk", "Say \"hi\""], rows[0].Fields);
        Assert.Equal(4, rows[0].Line);
        Assert.Equal("to\nlinjer", rows[1].Fields[1]);
        Assert.Equal(6, rows[1].Line);
        Assert.Equal(["C", "", ""], rows[2].Fields);
        Assert.Equal(8, rows[2].Line);
    }

    [Theory]
    [InlineData("code,label_da,label_en\nA,b\n", 2, "expected 3 fields")]
    [InlineData("code,label_da,label_en\nA,\"b,c\n", 2, "never closed")]
    [InlineData("code,label_da,label_en\nA,\"b\"x,c\n", 2, "after the closing quote")]
    [InlineData("# note\ncode,label_da\nA,b\n", 2, "header")]
    public void Malformed_input_names_file_and_line(string text, int line, string problem)
    {
        var ex = Assert.Throws<CodeListFormatException>(() => CodeListCsv.Read(new StringReader(text), "bad.csv", Header));
        Assert.Equal("bad.csv", ex.FileName);
        Assert.Equal(line, ex.Line);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.csv line {line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_fails_on_a_dangling_parent_naming_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("codelists-").FullName;
        try
        {
            foreach (var file in new[] { CodeListSet.AtcFile, CodeListSet.RegionsFile, CodeListSet.MunicipalitiesFile })
            {
                File.Copy(Path.Combine(RepositoryCodeLists.Folder, file), Path.Combine(dir, file));
            }

            File.WriteAllText(Path.Combine(dir, CodeListSet.Icd10File),
                "# Source: test\ncode,parent,level,label_da,label_en\n" +
                "chIV,,chapter,Endokrine sygdomme,Endocrine diseases\n" +
                "DE10-DE14,chIV,block,Diabetes,Diabetes mellitus\n" +
                "DE11,DE10-DE19,category,Type 2-diabetes,Type 2 diabetes mellitus\n");

            var ex = Assert.Throws<CodeListFormatException>(() => CodeListSet.Load(dir));
            Assert.Equal(CodeListSet.Icd10File, ex.FileName);
            Assert.Equal(5, ex.Line);

            var loaded = CodeListSet.Load(RepositoryCodeLists.Folder);
            Assert.Equal(98, loaded.Municipalities.Entries.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
