using System.Text.RegularExpressions;
using StatService.Core.CodeLists;

namespace StatService.Core.Tests.CodeLists;

public sealed partial class CodeListFileTests
{
    private static CodeListSet Lists => RepositoryCodeLists.Lists;

    [Fact]
    public void Every_file_loads_with_its_source_notes()
    {
        foreach (var file in new[] { CodeListSet.Icd10File, CodeListSet.AtcFile, CodeListSet.RegionsFile, CodeListSet.MunicipalitiesFile })
        {
            var first = File.ReadLines(Path.Combine(RepositoryCodeLists.Folder, file)).First();
            Assert.StartsWith("# Source:", first, StringComparison.Ordinal);
        }

        Assert.NotEmpty(Lists.Icd10.Entries);
        Assert.NotEmpty(Lists.Atc.Entries);
        Assert.Equal(5, Lists.Regions.Entries.Count);
        Assert.Equal(98, Lists.Municipalities.Entries.Count);
    }

    [Fact]
    public void Icd10_has_the_22_chapters_as_roots()
    {
        var chapters = Lists.Icd10.Entries.Where(e => e.Level == CodeLevels.Chapter).ToList();
        Assert.Equal(22, chapters.Count);
        Assert.All(chapters, c => Assert.Null(c.Parent));
        Assert.Equal("Endokrine, ernæringsbetingede og metaboliske sygdomme", Lists.Icd10.Find("chIV")!.LabelDa);
        Assert.All(Lists.Icd10.Entries.Where(e => e.Level != CodeLevels.Chapter), e => Assert.NotNull(e.Parent));
    }

    [Fact]
    public void Icd10_blocks_sit_under_chapters_and_categories_under_blocks()
    {
        var icd = Lists.Icd10;
        Assert.All(icd.Entries.Where(e => e.Level == CodeLevels.Block),
            b => Assert.Equal(CodeLevels.Chapter, icd.Find(b.Parent!)!.Level));
        Assert.All(icd.Entries.Where(e => e.Level == CodeLevels.Category),
            c => Assert.Equal(CodeLevels.Block, icd.Find(c.Parent!)!.Level));
        Assert.All(icd.Entries.Where(e => e.Level == CodeLevels.Subcategory), s =>
        {
            Assert.Equal(CodeLevels.Category, icd.Find(s.Parent!)!.Level);
            Assert.StartsWith(s.Parent!, s.Code, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Icd10_categories_are_D_plus_three_characters_and_all_there()
    {
        var categories = Lists.Icd10.Entries.Where(e => e.Level == CodeLevels.Category).ToList();
        Assert.All(categories, c => Assert.Matches(CategoryCode(), c.Code));
        Assert.True(categories.Count >= 1900, $"only {categories.Count} categories");

        // A category's block range contains it: DE11 lies in DE10-DE14.
        Assert.All(categories, c =>
        {
            var range = c.Parent!.Split('-');
            Assert.InRange(string.CompareOrdinal(c.Code, range[0]), 0, int.MaxValue);
            Assert.InRange(string.CompareOrdinal(c.Code, range[1]), int.MinValue, 0);
        });
    }

    [Fact]
    public void Icd10_has_the_subcategories_the_service_uses_most()
    {
        foreach (var code in new[] { "DE109", "DE119", "DJ449", "DG359", "DC509", "DE849", "DG122", "DG109", "DD869",
                     "DI109", "DI219", "DI639", "DI649", "DJ189", "DM545", "DF329", "DF039", "DC349", "DO809", "DS720" })
        {
            Assert.Equal(CodeLevels.Subcategory, Lists.Icd10.Find(code)?.Level);
        }

        var e11 = Lists.Icd10.Find("DE11")!;
        Assert.Equal("Type 2-diabetes", e11.LabelDa);
        Assert.Equal("Type 2 diabetes mellitus", e11.LabelEn);
    }

    [Fact]
    public void Atc_parent_is_the_prefix_at_the_previous_level()
    {
        var lengths = new Dictionary<string, int> { ["1"] = 1, ["2"] = 3, ["3"] = 4, ["4"] = 5, ["5"] = 7 };
        Assert.All(Lists.Atc.Entries, e =>
        {
            Assert.Equal(lengths[e.Level], e.Code.Length);
            if (e.Level == "1")
            {
                Assert.Null(e.Parent);
                return;
            }

            var parentLength = lengths[(int.Parse(e.Level, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(e.Code[..parentLength], e.Parent);
            Assert.NotNull(Lists.Atc.Find(e.Parent!));
        });

        Assert.Equal(14, Lists.Atc.Entries.Count(e => e.Level == "1"));
        Assert.InRange(Lists.Atc.Entries.Count(e => e.Level == "2"), 90, 100);
        Assert.Equal("metformin", Lists.Atc.Find("A10BA02")!.LabelEn);
        foreach (var code in new[] { "A10BK01", "A10BJ02", "A10AB01", "A10AB04", "A10AB05", "A10AE04", "A10AE05", "R03AL03", "R03BB04",
                     "L04AA31", "L04AA27", "L04AX07", "L03AB07", "L02BG04", "L02BA01", "N02BE01", "J01CE02", "C09AA05",
                     "C10AA05", "C07AB02", "C03CA01", "N06AB04", "N06AB10", "H03AA01", "B01AC06" })
        {
            Assert.Equal("5", Lists.Atc.Find(code)?.Level);
        }
    }

    [Fact]
    public void Every_municipality_lies_in_one_of_the_five_regions()
    {
        var regions = Lists.Regions.Entries.Select(r => r.Code).ToHashSet();
        Assert.Equal(["1081", "1082", "1083", "1084", "1085"], regions.Order());
        Assert.Equal("Region Sjælland", Lists.Regions.Find("1085")!.LabelDa);
        Assert.All(Lists.Municipalities.Entries, m =>
        {
            Assert.Matches(MunicipalityCode(), m.Code);
            Assert.Contains(m.Parent!, regions);
        });
        Assert.Equal("København", Lists.Municipalities.Find("101")!.LabelDa);
        Assert.Equal("1081", Lists.Municipalities.Find("860")!.Parent);
        Assert.Equal(29, Lists.Municipalities.Children("1084").Count);
    }

    [GeneratedRegex("^D[A-Z][0-9]{2}$")]
    private static partial Regex CategoryCode();

    [GeneratedRegex("^[1-8][0-9]{2}$")]
    private static partial Regex MunicipalityCode();
}
