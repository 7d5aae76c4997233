using StatService.Core.Tables;

namespace StatService.Cli.Tests.Protect;

/// <summary>
/// A necessary condition for safety, checked without the engine: no additivity relation (a margin
/// and its parts) holds exactly one suppressed cell, or that cell is its difference.
/// </summary>
internal static class LoneSuppressions
{
    public static void AssertNone(CountTable table, IEnumerable<string[]> suppressedCodes)
    {
        var suppressed = suppressedCodes
            .Select(codes => table.CellIndex(codes.Select((code, d) => table.Dimensions[d].IndexOf(code)).ToArray()))
            .ToHashSet();
        Assert.All(table.Relations(), relation =>
            Assert.NotEqual(1, relation.Parts.Append(relation.Total).Count(suppressed.Contains)));
    }
}
