using StatService.Core.Tables;
using StatService.Core.Tables.ManualTables;

namespace StatService.Cli.Tests.ManualTables;

/// <summary>The input files the tests read, as text.</summary>
internal static class Tables
{
    /// <summary>Worked example 1 of the domain notes (region x sex) with its margins left out.</summary>
    public const string RegionBySex =
        "region,sex,count\n" +
        "A,male,18\nA,female,2\n" +
        "B,male,14\nB,female,19\n" +
        "C,male,12\nC,female,10\n" +
        "D,male,11\nD,female,14\n";

    /// <summary>Region &gt; municipality, leaves listed before their regions as a spreadsheet export might.</summary>
    public const string Municipalities =
        "code,parent,label\n" +
        "101,1084,København\n" +
        "147,1084,Frederiksberg\n" +
        "151,1084,Ballerup\n" +
        "751,1082,Aarhus\n" +
        "727,1082,Odder\n" +
        "741,1082,Samsø\n" +
        "1084,total,Region Hovedstaden\n" +
        "1082,total,Region Midtjylland\n";

    public static TableDimension MunicipalityHierarchy(string dimension = "municipality") =>
        HierarchyReader.Read(dimension, new StringReader(Municipalities), "municipalities.csv");

    public static CountTable Read(string table, params TableDimension[] hierarchies) =>
        ManualTableReader.Read("table", new StringReader(table), "table.csv", hierarchies);

    public static long Value(CountTable table, params string[] codes) =>
        table.Values[table.CellIndex(codes.Select((code, d) => table.Dimensions[d].IndexOf(code)).ToArray())];
}
