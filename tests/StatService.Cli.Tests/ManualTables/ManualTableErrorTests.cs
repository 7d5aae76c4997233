using StatService.Core.Tables.ManualTables;

namespace StatService.Cli.Tests.ManualTables;

public class ManualTableErrorTests
{
    [Theory]
    [InlineData("municipality,sex,count\n101,male,3\n1084,female,5\n", 3, 1, "'1084' is not a leaf")]
    [InlineData("municipality,sex,count\ntotal,male,3\n", 2, 1, "margin")]
    [InlineData("municipality,sex,count\n999,male,3\n", 2, 1, "unknown code '999'")]
    [InlineData("municipality,sex,count\n101,male,3\n147,male,1\n101,male,4\n", 4, 1, "already given on line 2")]
    [InlineData("municipality,sex,count\n101,male,-1\n", 2, 3, "negative")]
    [InlineData("municipality,sex,count\n101,male,2.5\n", 2, 3, "'2.5' is not a whole number")]
    [InlineData("municipality,sex,count\n101,male,many\n", 2, 3, "'many' is not a whole number")]
    [InlineData("municipality,sex,count\n101,male,\n", 2, 3, "the count is empty")]
    [InlineData("municipality,sex,count\n101,male,3\n147,male\n", 3, 3, "missing")]
    [InlineData("municipality,sex,n\n101,male,3\n", 1, 4, "count")]
    [InlineData("municipality;sex;count\n101;male;3\n", 1, 2, "semicolon")]
    [InlineData("municipality,sex,count\n101,total,3\n", 2, 2, "margin")]
    [InlineData("municipality,sex,count\n101,,3\n", 2, 2, "the code is empty")]
    [InlineData("municipality,sex,count\n101,male,3,7\n", 2, 4, "unexpected field '7'")]
    [InlineData("municipality,sex,count\n101,\"male,3\n", 2, 2, "never closed")]
    [InlineData("municipality,sex,count\n101,\"male\"x,3\n", 2, 2, "after the closing quote")]
    [InlineData("municipality,count,sex\n\n101,-4,male\n", 3, 2, "negative")]
    [InlineData("municipality,sex,sex,count\n", 1, 3, "repeated")]
    [InlineData("count\n3\n", 1, 1, "no dimension columns")]
    [InlineData("", 1, 1, "empty")]
    public void Names_file_line_and_column_of_a_bad_row(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<ManualTableFormatException>(() => Tables.Read(text, Tables.MunicipalityHierarchy()));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.StartsWith($"table.csv line {line}, column {column}", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_without_rows_is_rejected()
    {
        var error = Assert.Throws<ManualTableFormatException>(() => Tables.Read("region,count\n\n"));

        Assert.Equal("table.csv line 1: no rows after the header.", error.Message);
    }

    [Fact]
    public void A_hierarchy_for_a_column_the_table_lacks_is_rejected()
    {
        var error = Assert.Throws<ManualTableFormatException>(() => Tables.Read("region,sex,count\nA,male,3\n", Tables.MunicipalityHierarchy()));

        Assert.Contains("hierarchy for 'municipality' but no such column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_too_large_to_protect_is_rejected_before_it_is_built()
    {
        // 101 codes in each of three flat dimensions: 102^3 cells with the margins.
        var rows = string.Concat(Enumerable.Range(0, 101).Select(i => $"a{i},b{i},c{i},1\n"));

        var error = Assert.Throws<ManualTableFormatException>(() => Tables.Read("a,b,c,count\n" + rows));

        Assert.Contains("1,061,208 cells", error.Message, StringComparison.Ordinal);
    }
}
