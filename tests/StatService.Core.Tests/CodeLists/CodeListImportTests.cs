using StatService.Core.CodeLists;

namespace StatService.Core.Tests.CodeLists;

/// <summary>Importing the official SKS and ATC lists in their published formats into the service's code list files.</summary>
public sealed class CodeListImportTests
{
    private static readonly DateOnly ValidOn = new(2024, 6, 1);

    private static ImportedCodes ImportSks(string text) =>
        SksCodeLists.Build(SksCompleteReader.Read(new StringReader(text), "SKScomplete.txt"), RepositoryCodeLists.Lists.Icd10, null, ValidOn);

    [Fact]
    public void Sks_diagnoses_valid_on_the_date_become_categories_and_subcategories_under_the_shipped_blocks()
    {
        var codes = ImportSks(PublishedCodeFiles.SksSample);
        var byCode = codes.Entries.ToDictionary(e => e.Code);

        Assert.Equal(new CodeEntry("DE11", "DE10-DE14", CodeLevels.Category, "Type 2-diabetes", "Type 2 diabetes mellitus"), byCode["DE11"]);
        Assert.Equal("DE11", byCode["DE119"].Parent);
        Assert.Equal("Type 2-diabetes uden komplikationer", byCode["DE119"].LabelDa);
        Assert.Equal(CodeLevels.Subcategory, byCode["DE119"].Level);
        Assert.Equal("DB34", byCode["DB342A"].Parent);
        Assert.Equal("DJ40-DJ47", byCode["DJ44"].Parent);
        Assert.False(byCode.ContainsKey("DE11X"), "expired before the date");
        Assert.False(byCode.ContainsKey("DE11Y"), "valid only after the date");
        Assert.False(byCode.ContainsKey("A10BA02"), "not a diagnosis code");
        Assert.Contains(codes.LeftOut, note => note.StartsWith("DUA00", StringComparison.Ordinal));

        // Every chapter and block of the shipped list, and every imported code, leads up to a chapter.
        var chapters = RepositoryCodeLists.Lists.Icd10.Entries.Count(e => e.Level == CodeLevels.Chapter);
        Assert.Equal(chapters, codes.Entries.Count(e => e.Level == CodeLevels.Chapter));
        var list = new CodeList("icd10", codes.Entries);
        Assert.All(codes.Entries.Where(e => e.Level is CodeLevels.Category or CodeLevels.Subcategory),
            e => Assert.Equal(CodeLevels.Chapter, list.Ancestors(e.Code)[^1].Level));
    }

    [Fact]
    public void Sks_procedure_codes_form_the_procedures_list()
    {
        var codes = ImportSks(PublishedCodeFiles.SksSample);

        Assert.Equal(["KJ", "KJEA00", "KJEA10"], codes.Procedures.Select(p => p.Code));
        Assert.Equal(["group", "code", "code"], codes.Procedures.Select(p => p.Level));
        Assert.Equal([null, "KJ", "KJ"], codes.Procedures.Select(p => p.Parent));
    }

    [Fact]
    public void Malformed_sks_lines_are_all_reported_with_their_line_numbers()
    {
        var text = PublishedCodeFiles.Sks(
            PublishedCodeFiles.SksLine("dia", "DE11", "19940101", "", "Type 2-diabetes"),
            "dia DE12 kort linje",
            PublishedCodeFiles.SksLine("dia", "DE13", "1994XX01", "", "Anden diabetes"),
            PublishedCodeFiles.SksLine("dia", "DE14", "19940101", "2020AB01", "Diabetes uden specifikation"),
            PublishedCodeFiles.SksLine("dia", "DE10", "19940101", "", ""));

        var error = Assert.Throws<CodeSourceFormatException>(() => SksCompleteReader.Read(new StringReader(text), "SKScomplete.txt"));

        Assert.Equal([2, 3, 4, 5], error.Problems.Select(p => p.Line));
        Assert.Contains("SKScomplete.txt line 3: valid-from '1994XX01' is not a date", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: code DE10 has no text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_files_load_as_the_service_code_lists()
    {
        var dir = Directory.CreateTempSubdirectory("codelists-import-").FullName;
        try
        {
            foreach (var file in new[] { CodeListSet.RegionsFile, CodeListSet.MunicipalitiesFile })
            {
                File.Copy(Path.Combine(RepositoryCodeLists.Folder, file), Path.Combine(dir, file));
            }

            using (var icd = new StreamWriter(Path.Combine(dir, CodeListSet.Icd10File)))
            {
                CodeListFile.WriteHierarchy(icd, ["Source: test, \"quoted\", two\nlines"], ImportSks(PublishedCodeFiles.SksSample).Entries);
            }

            using (var atc = new StreamWriter(Path.Combine(dir, CodeListSet.AtcFile)))
            {
                CodeListFile.WriteHierarchy(atc, ["Source: test"],
                    AtcCodeLists.ReadWhoIndex(new StringReader(PublishedCodeFiles.WhoIndex), "who.csv", RepositoryCodeLists.Lists.Atc).Entries);
            }

            var lists = CodeListSet.Load(dir);

            Assert.True(lists.Icd10.IsKnownPrefix("DB342"));
            Assert.False(lists.Icd10.IsKnownPrefix("DE11X"));
            Assert.Equal("Blood glucose lowering drugs, excl. insulins", lists.Atc.Find("A10B")!.LabelEn);
            Assert.StartsWith("# Source: test", File.ReadLines(Path.Combine(dir, CodeListSet.Icd10File)).First(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_who_index_gives_five_levels_with_english_names_and_shipped_danish_texts()
    {
        var codes = AtcCodeLists.ReadWhoIndex(new StringReader(PublishedCodeFiles.WhoIndex), "who.csv", RepositoryCodeLists.Lists.Atc);
        var byCode = codes.Entries.ToDictionary(e => e.Code);

        Assert.Equal(new CodeEntry("A", null, "1", "Fordøjelsesorganer og stofskifte", "Alimentary tract and metabolism"), byCode["A"]);
        Assert.Equal(new CodeEntry("A10BA02", "A10BA", "5", "metformin", "metformin"), byCode["A10BA02"]);
        Assert.Equal("4", byCode["A10BA"].Level);
        // A10BK is not in the sample: its parent comes from the shipped list, or the import names the line.
        Assert.Equal("A10BK", byCode["A10BK01"].Parent);
        Assert.True(byCode.ContainsKey("A10BK"));
        Assert.Single(codes.Entries, e => e.Code == "A10BA02");
    }

    [Fact]
    public void The_danish_medicinpriser_list_gives_danish_texts_and_shipped_ancestors()
    {
        var codes = AtcCodeLists.ReadMedicinpriser(new StringReader(PublishedCodeFiles.Medicinpriser), "atc.csv", RepositoryCodeLists.Lists.Atc);
        var byCode = codes.Entries.ToDictionary(e => e.Code);

        Assert.Equal("Salbutamol", byCode["R03AC02"].LabelDa);
        Assert.Equal("salbutamol", byCode["R03AC02"].LabelEn);
        Assert.Equal(["R", "R03", "R03A", "R03AC", "R03AC02"], codes.Entries.Where(e => e.Code.StartsWith('R')).Select(e => e.Code));
        Assert.Equal(RepositoryCodeLists.Lists.Atc.Find("R03A")!.LabelDa, byCode["R03A"].LabelDa);
    }

    [Fact]
    public void Malformed_atc_lines_are_reported_with_their_line_numbers()
    {
        const string text = "atc_code,atc_name,ddd,uom,adm_r,note\nA10BA02,metformin,2,g,O,NA\nA1,bad code,NA,NA,NA,NA\nA10BA03,buformin,NA,NA\nZ99ZZ99,unknown group,NA,NA,NA,NA\nA10BA04,,NA,NA,NA,NA\n";

        var error = Assert.Throws<CodeSourceFormatException>(() =>
            AtcCodeLists.ReadWhoIndex(new StringReader(text), "who.csv", RepositoryCodeLists.Lists.Atc));

        Assert.Equal([3, 4, 5, 6], error.Problems.Select(p => p.Line));
        Assert.Contains("who.csv line 3: 'A1' is not an ATC code", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: 4 fields; the header has 6", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: the parent Z99ZZ of Z99ZZ99 is neither in the file nor in the shipped list", error.Message, StringComparison.Ordinal);
    }
}
