using StatService.Core.Disclosure;
using StatService.Core.Tables;
using StatService.Delivery;

namespace StatService.Delivery.Tests;

/// <summary>
/// A release of two tables written by the real JSON writer, with suppressed cells whose true values are
/// distinctive numbers (9000xx), so a deliverable that leaks one can be caught by a plain text search.
/// The status pattern is chosen by hand: the writers must render any pattern they are given.
/// </summary>
public static class SampleRelease
{
    public const string ExtractVersion = "synthetic-test-s1";

    /// <summary>True values of suppressed inner cells: none may appear in any deliverable.</summary>
    public static readonly long[] SecretValues = [900017, 900023, 3, 900041];

    public static string Json { get; } = Build();

    private static string Build()
    {
        var region = TableDimension.Flat("region", "I alt", [("1081", "Region Nordjylland"), ("1082", "Region Midtjylland"), ("1083", "Region Syddanmark")]);
        var year = TableDimension.Flat("year", "I alt", [("2021", "2021"), ("2022", "2022"), ("2023", "2023")]);
        long[,] inner = { { 3, 120, 131 }, { 900017, 900023, 140 }, { 155, 161, 172 } };
        var byRegionYear = CountTable.FromInnerCells("persons by region and year", [region, year], c => inner[c[0] - 1, c[1] - 1]);
        var regionYearStatus = Status(byRegionYear, (1, 1), (2, 1), (2, 2), (1, 2));

        var sex = TableDimension.Flat("sex", "I alt", [("female", "Kvinder"), ("male", "Mænd")]);
        long[] bySexValues = [900041, 57];
        var bySex = CountTable.FromInnerCells("persons by sex", [sex], c => bySexValues[c[0] - 1]);
        var sexStatus = Status(bySex, (1, -1), (0, -1));

        var release = new ProtectedRelease(
            [new ProtectedTable(byRegionYear, regionYearStatus), new ProtectedTable(bySex, sexStatus)],
            new DisclosureSummary("Counts 1-4 are suppressed, with complementary cells.", "danish-default", 1, 5, 6));
        var metadata = new ReleaseMetadata(
            Guid.Parse("0195a4e2-0000-7000-8000-000000000001"),
            "patient-count",
            """{"diagnoses":{"include":["DE11"],"exclude":[]},"period":{"from":"2021-01-01","to":"2023-12-31"},"sex":null,"breakdown":["region","year"]}""",
            ExtractVersion,
            "persons",
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        return ResultJsonWriter.Write(metadata, release);
    }

    /// <summary>Statuses with the given (first, second) code indexes suppressed; -1 for a one-dimensional table.</summary>
    private static CellStatus[] Status(CountTable table, params (int First, int Second)[] suppressed)
    {
        var status = new CellStatus[table.CellCount];
        foreach (var (first, second) in suppressed)
        {
            var index = second < 0 ? table.CellIndex([first]) : table.CellIndex([first, second]);
            status[index] = CellStatus.Suppressed;
        }

        return status;
    }
}
