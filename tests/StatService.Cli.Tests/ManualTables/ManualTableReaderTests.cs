using StatService.Core.Tables;
using StatService.Core.Tables.ManualTables;

namespace StatService.Cli.Tests.ManualTables;

public class ManualTableReaderTests
{
    [Fact]
    public void Flat_dimensions_take_their_codes_in_order_of_first_appearance_and_margins_are_computed()
    {
        var table = Tables.Read(Tables.RegionBySex);

        Assert.Equal(["region", "sex"], table.Dimensions.Select(d => d.Name));
        Assert.Equal(["total", "A", "B", "C", "D"], table.Dimensions[0].Codes.Select(c => c.Code));
        Assert.Equal(["total", "male", "female"], table.Dimensions[1].Codes.Select(c => c.Code));
        Assert.All(table.Dimensions, d => Assert.Equal("I alt", d.Codes[0].Label));
        Assert.Equal("female", table.Dimensions[1].Codes[2].Label);
        Assert.Equal(15, table.CellCount);
        Assert.Equal(100, Tables.Value(table, "total", "total"));
        Assert.Equal(45, Tables.Value(table, "total", "female"));
        Assert.Equal(20, Tables.Value(table, "A", "total"));
        Assert.Equal(2, Tables.Value(table, "A", "female"));
        Assert.True(table.IsAdditive());
    }

    [Fact]
    public void Leaf_combinations_without_a_row_are_zeros()
    {
        var table = Tables.Read("region,sex,count\nA,male,3\nB,female,4\n");

        Assert.Equal(0, Tables.Value(table, "A", "female"));
        Assert.Equal(0, Tables.Value(table, "B", "male"));
        Assert.Equal(7, Tables.Value(table, "total", "total"));
    }

    [Fact]
    public void Tolerates_what_spreadsheets_write()
    {
        // Byte order mark, CRLF, a blank line, spaces, quoted fields with a comma and a doubled quote,
        // the count column first and in capitals, empty trailing columns.
        var text = "\uFEFFCount, region ,sex,,\r\n" +
            "12, \"Nord, Syd\" ,male,,\r\n" +
            "\r\n" +
            " 3 ,\"say \"\"hi\"\"\",female\r\n";

        var table = Tables.Read(text);

        Assert.Equal(["region", "sex"], table.Dimensions.Select(d => d.Name));
        Assert.Equal(["total", "Nord, Syd", "say \"hi\""], table.Dimensions[0].Codes.Select(c => c.Code));
        Assert.Equal(12, Tables.Value(table, "Nord, Syd", "male"));
        Assert.Equal(3, Tables.Value(table, "say \"hi\"", "female"));
    }

    [Fact]
    public void A_hierarchical_dimension_takes_every_leaf_from_its_hierarchy_and_sums_each_level()
    {
        var table = Tables.Read(
            "municipality,sex,count\n" +
            "101,male,40\n101,female,38\n" +
            "147,male,3\n147,female,9\n" +
            "751,male,25\n751,female,2\n" +
            "727,male,7\n",
            Tables.MunicipalityHierarchy());

        var municipality = table.Dimensions[0];
        Assert.Equal(9, municipality.Count);
        Assert.True(municipality.IsLeaf(municipality.IndexOf("741")), "Samso has no row and is still a leaf cell");
        Assert.Equal(90, Tables.Value(table, "1084", "total"));
        Assert.Equal(34, Tables.Value(table, "1082", "total"));
        Assert.Equal(0, Tables.Value(table, "151", "total"));
        Assert.Equal(0, Tables.Value(table, "727", "female"));
        Assert.Equal(124, Tables.Value(table, "total", "total"));
        Assert.True(table.IsAdditive());
    }

    [Fact]
    public void Several_hierarchical_dimensions_and_a_flat_one_combine()
    {
        var age = HierarchyReader.Read("age", new StringReader("code,parent\n0-17,total\n18+,total\n18-64,18+\n65+,18+\n0-17y,0-17\n"), "ages.csv");
        var table = Tables.Read(
            "municipality,age,sex,count\n101,65+,female,5\n751,18-64,male,6\n751,0-17y,male,1\n",
            Tables.MunicipalityHierarchy(), age);

        Assert.Equal(9 * 6 * 3, table.CellCount);
        Assert.Equal(11, Tables.Value(table, "total", "18+", "total"));
        Assert.Equal(7, Tables.Value(table, "1082", "total", "male"));
        Assert.True(table.IsAdditive());
    }
}
