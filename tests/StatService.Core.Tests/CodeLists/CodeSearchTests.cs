using StatService.Core.CodeLists;

namespace StatService.Core.Tests.CodeLists;

/// <summary>What a person typing in the order form's code search finds first.</summary>
public sealed class CodeSearchTests
{
    private static CodeList Icd10 => RepositoryCodeLists.Lists.Icd10;

    [Theory]
    [InlineData("hjerteinfarkt", "DI21")]
    [InlineData("hjerteinf", "DI21")]
    [InlineData("blodprop i hjertet", "DI21")]
    [InlineData("blodprop hjerte", "DI21")]
    [InlineData("sukkersyge type 2", "DE11")]
    [InlineData("KOL", "DJ44")]
    [InlineData("brystkræft", "DC50")]
    [InlineData("brystkraeft", "DC50")]
    public void Everyday_danish_names_find_the_disease_first(string query, string code) =>
        Assert.Equal(code, Icd10.Search(query, 10)[0].Code);

    [Theory]
    [InlineData("diabetes", "DE10-DE14")]
    [InlineData("sukkersyge", "DE10-DE14")]
    [InlineData("endokrine", "chIV")]
    public void Orderable_codes_rank_before_the_blocks_and_chapters_that_group_them(string query, string group)
    {
        var found = Icd10.Search(query, 50);
        Assert.NotEqual(CodeLevels.Block, found[0].Level);
        Assert.NotEqual(CodeLevels.Chapter, found[0].Level);
        Assert.Contains(group, found.Select(e => e.Code));
    }

    [Fact]
    public void The_synonym_file_says_where_it_comes_from_and_names_only_known_codes()
    {
        var first = File.ReadLines(Path.Combine(RepositoryCodeLists.Folder, SearchSynonyms.File)).First();
        Assert.StartsWith("# Source:", first, StringComparison.Ordinal);
        Assert.Matches(@"compiled \d{4}-\d{2}", first);

        var lists = RepositoryCodeLists.Lists;
        var synonyms = SearchSynonyms.Load(RepositoryCodeLists.Folder);
        Assert.NotEmpty(synonyms.PhraseCodes);
        Assert.All(synonyms.PhraseCodes, c => Assert.True(lists.Icd10.Find(c.Code) is not null || lists.Atc.Find(c.Code) is not null, $"line {c.Line}: {c.Code}"));
    }

    [Fact]
    public void A_synonym_row_of_an_unknown_kind_fails_to_load_with_its_line()
    {
        var dir = Directory.CreateTempSubdirectory("synonyms-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, SearchSynonyms.File), "# test\nkind,term,meaning\nphrase,kol,DJ44\nsynonym,noget,DZ999\n");
            var ex = Assert.Throws<CodeListFormatException>(() => SearchSynonyms.Load(dir));
            Assert.Equal(4, ex.Line);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
