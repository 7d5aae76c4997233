using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using StatService.Core.Disclosure;
using StatService.Core.Tables;
using StatService.Delivery;

namespace StatService.Delivery.Tests;

public sealed partial class ResultReportWriterTests
{
    private static readonly string Report = ResultReportWriter.Write(SampleRelease.Json);

    [Fact]
    public void Every_cell_is_shown_with_its_published_value_or_marked_suppressed()
    {
        var shown = CellPattern().Matches(Report).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["key"].Value), m => m.Groups["text"].Value);
        var tables = JsonRelease.Read(SampleRelease.Json).Tables;
        Assert.Equal(tables.Sum(t => t.Cells.Count), shown.Count);
        foreach (var table in tables)
        {
            foreach (var cell in table.Cells)
            {
                Assert.Equal(cell.Value?.ToString("N0", CultureInfo.InvariantCulture) ?? "suppressed", shown[table.Key(cell)]);
            }
        }
    }

    [Fact]
    public void No_suppressed_value_appears_anywhere()
    {
        foreach (var secret in SampleRelease.SecretValues.Where(v => v > 100))
        {
            Assert.DoesNotContain(secret.ToString(CultureInfo.InvariantCulture), Report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Draws_bars_for_distributions_and_a_line_for_the_year_series()
    {
        Assert.Contains("<rect", Report, StringComparison.Ordinal);
        Assert.Contains("<polyline", Report, StringComparison.Ordinal);
        Assert.Contains("Series of persons by year", Report, StringComparison.Ordinal);
        Assert.Contains("Distribution of persons by region", Report, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_self_contained_and_printable_with_definitions_and_legend()
    {
        Assert.DoesNotContain("<script", Report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), Report);
        Assert.Contains("@media print", Report, StringComparison.Ordinal);
        Assert.Contains(SampleRelease.ExtractVersion, Report, StringComparison.Ordinal);
        Assert.Contains("<dt>diagnoses.include</dt><dd>DE11</dd>", Report, StringComparison.Ordinal);
        Assert.Contains("How to read the tables", Report, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", Report, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_released_per_year_are_drawn_as_a_series_of_their_totals()
    {
        var sex = TableDimension.Flat("sex", "I alt", [("female", "Kvinder"), ("male", "Mænd")]);
        long[] totals = [140, 175];
        var tables = totals.Select((total, i) =>
        {
            var table = CountTable.FromInnerCells($"profile-{2021 + i}", [sex], c => c[0] == 1 ? total - 60 : 60);
            return new ProtectedTable(table, new CellStatus[table.CellCount]);
        }).ToArray();
        var json = ResultJsonWriter.Write(
            new ReleaseMetadata(Guid.NewGuid(), "profile", "{}", "x", "persons", DateTimeOffset.UnixEpoch),
            new ProtectedRelease(tables, new DisclosureSummary("rule", "danish-default", 0, 0, 0)));

        var report = ResultReportWriter.Write(json);

        var series = SeriesPattern().Match(report);
        Assert.True(series.Success, "no series chart for the per-year tables");
        Assert.Contains("2021: 140; 2022: 175", series.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<svg[^>]*series-1-title.*?</svg>""", RegexOptions.Singleline)]
    private static partial Regex SeriesPattern();

    [GeneratedRegex("""<td class="number[^"]*" data-cell="(?<key>[^"]+)">(?<text>[^<]*)</td>""")]
    private static partial Regex CellPattern();

    // Anything fetched from elsewhere: src/href attributes or CSS url(); the SVG namespace is only an identifier, and a
    // link to a place in the report itself (the contents' "#table-1") fetches nothing.
    [GeneratedRegex("""src\s*=|href\s*=\s*"(?!#)|url\(""")]
    private static partial Regex ExternalReference();
}
