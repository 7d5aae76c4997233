namespace StatService.Data.Tests.Cohorts;

/// <summary>A block or chapter chosen as a criterion counts the persons of every code it groups.</summary>
[Collection(SharedExtractCollection.Name)]
public sealed class CodeRangeQueryTests(SharedExtract extract)
{
    [Theory]
    [InlineData("\"DE10-DE14\"", "\"DE10\",\"DE11\",\"DE12\",\"DE13\",\"DE14\"")]
    [InlineData("\"de10-de14\"", "\"DE1\"")]
    [InlineData("\"chIV\"", "\"DE\"")]
    [InlineData("\"CHIX\"", "\"DI\"")]
    public async Task A_block_or_chapter_counts_like_the_codes_it_groups(string range, string codes)
    {
        const string Order = """{"specVersion":1,"diagnoses":{"include":[CODES]},"period":{"from":"2021-01-01","to":"2023-12-31"},"breakdown":["sex"]}""";
        var byRange = await extract.RunPatientCountAsync(extract.Read(Order.Replace("CODES", range, StringComparison.Ordinal)));
        var byCodes = await extract.RunPatientCountAsync(extract.Read(Order.Replace("CODES", codes, StringComparison.Ordinal)));

        Assert.True(byCodes.Values[0] > 0, "The codes should find somebody, or the comparison proves little.");
        Assert.Equal(byCodes.Values, byRange.Values);
    }

    [Fact]
    public void A_block_is_kept_as_the_code_list_spells_it()
    {
        var parameters = extract.Read("""{"specVersion":1,"diagnoses":{"include":["de10-de14","chiv"]},"period":{"from":"2021-01-01","to":"2023-12-31"}}""");
        Assert.Equal(["DE10-DE14", "chIV"], parameters.Diagnoses.Include);
    }
}
