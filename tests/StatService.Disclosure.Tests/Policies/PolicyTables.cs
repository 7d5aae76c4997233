using StatService.Core.Tables;

namespace StatService.Disclosure.Tests.Policies;

/// <summary>Tables for the policy and method tests, built here so they do not depend on the engine's test helpers.</summary>
internal static class PolicyTables
{
    public static TableDimension Flat(string name, params string[] codes) =>
        TableDimension.Flat(name, "Total", codes.Select(c => (c, c)));

    public static int Cell(CountTable table, params string[] codes) =>
        table.CellIndex(codes.Select((code, d) => table.Dimensions[d].IndexOf(code)).ToArray());

    /// <summary>A table whose inner cells are given by their codes; margins are computed.</summary>
    public static CountTable FromInner(string name, TableDimension[] dimensions, IReadOnlyDictionary<string, long> inner) =>
        CountTable.FromInnerCells(name, dimensions, coordinates =>
            inner.GetValueOrDefault(Key(coordinates.Select((c, d) => dimensions[d].Codes[c].Code))));

    public static string Key(IEnumerable<string> codes) => string.Join('/', codes);

    /// <summary>Codes of a cell, e.g. "A/total".</summary>
    public static string KeyOf(CountTable table, int cell) =>
        Key(table.Coordinates(cell).Select((c, d) => table.Dimensions[d].Codes[c].Code));
}
