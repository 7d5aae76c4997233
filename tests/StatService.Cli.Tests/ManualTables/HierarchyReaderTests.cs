using StatService.Core.Tables.ManualTables;

namespace StatService.Cli.Tests.ManualTables;

public class HierarchyReaderTests
{
    [Fact]
    public void Lists_each_parent_before_its_children_whatever_the_file_order()
    {
        var dimension = Tables.MunicipalityHierarchy();

        Assert.Equal("municipality", dimension.Name);
        Assert.Equal(["total", "1084", "101", "147", "151", "1082", "751", "727", "741"], dimension.Codes.Select(c => c.Code));
        Assert.Equal("I alt", dimension.Codes[0].Label);
        Assert.Equal("Region Hovedstaden", dimension.Codes[1].Label);
        Assert.Equal("1084", dimension.Codes[2].Parent);
        Assert.Equal("total", dimension.Codes[1].Parent);
        Assert.Equal(["101", "147", "151", "751", "727", "741"],
            Enumerable.Range(0, dimension.Count).Where(dimension.IsLeaf).Select(i => dimension.Codes[i].Code));
    }

    [Fact]
    public void Labels_default_to_the_code()
    {
        var dimension = HierarchyReader.Read("region", new StringReader("code,parent,label\nN,total,\nS,total,Syd\n"), "regions.csv");
        var twoColumns = HierarchyReader.Read("region", new StringReader("code,parent\nN,total\n"), "regions.csv");

        Assert.Equal(["I alt", "N", "Syd"], dimension.Codes.Select(c => c.Label));
        Assert.Equal(["I alt", "N"], twoColumns.Codes.Select(c => c.Label));
    }

    [Theory]
    [InlineData("", 1, 1, "empty")]
    [InlineData("code,region\n101,1084\n", 1, 2, "expected code,parent")]
    [InlineData("code,parent\n", 1, null, "no codes")]
    [InlineData("code,parent\n1084,total\n101,1084\n101,1084\n", 4, 1, "already listed on line 3")]
    [InlineData("code,parent\n1084,total\n101,1048\n", 3, 2, "unknown parent '1048'")]
    [InlineData("code,parent\nA,B\nB,A\nC,total\n", 2, 2, "cycle")]
    [InlineData("code,parent\ntotal,total\n", 2, 1, "root")]
    [InlineData("code,parent\n1084,total\n101\n", 3, 2, "missing")]
    [InlineData("code,parent\n1084,total\n,1084\n", 3, 1, "empty")]
    [InlineData("code,parent\n1084,total,Region Hovedstaden\n", 2, 3, "unexpected field")]
    public void Names_file_line_and_column_of_a_bad_hierarchy(string text, int line, int? column, string problem)
    {
        var error = Assert.Throws<ManualTableFormatException>(() => HierarchyReader.Read("municipality", new StringReader(text), "municipalities.csv"));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.StartsWith(column is null ? $"municipalities.csv line {line}:" : $"municipalities.csv line {line}, column {column}", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
