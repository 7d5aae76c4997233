using StatService.Core.CodeLists;
using StatService.Core.Tables;

namespace StatService.Core.Catalogue;

/// <summary>
/// The person attributes a cohort table can be broken down by, all taken at the index date,
/// so that every person falls in exactly one inner cell (the additivity invariant).
/// </summary>
public sealed class Breakdowns(CodeListSet codeLists)
{
    public const string Region = "region";
    public const string Sex = "sex";
    public const string AgeBand = "ageband";

    public static IReadOnlyList<string> All { get; } = [Region, Sex, AgeBand];

    public const string TotalLabel = "I alt";

    /// <summary>Ten-year bands, the last open: 0-9, 10-19, ..., 80-89, 90+.</summary>
    public static IReadOnlyList<string> AgeBandCodes { get; } =
        [.. Enumerable.Range(0, 9).Select(i => $"{i * 10}-{i * 10 + 9}"), "90+"];

    public static string AgeBandOf(int age) => age >= 90 ? "90+" : $"{age / 10 * 10}-{age / 10 * 10 + 9}";

    public TableDimension Dimension(string name) => name switch
    {
        Region => TableDimension.Flat(Region, TotalLabel, RegionCodes()),
        Sex => TableDimension.Flat(Sex, TotalLabel, [("male", "Mænd"), ("female", "Kvinder")]),
        AgeBand => TableDimension.Flat(AgeBand, TotalLabel, AgeBandCodes.Select(b => (b, $"{b} år"))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown breakdown."),
    };

    private IEnumerable<(string Code, string Label)> RegionCodes() =>
        codeLists.Regions.Entries.OrderBy(e => e.Code, StringComparer.Ordinal).Select(e => (e.Code, e.LabelDa));
}
