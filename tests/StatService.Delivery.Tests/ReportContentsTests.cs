using System.Text.RegularExpressions;
using StatService.Core.Disclosure;
using StatService.Core.Tables;
using StatService.Delivery;

namespace StatService.Delivery.Tests;

/// <summary>
/// A report of several tables opens with a contents list whose every link lands on the report, draws the tables of a
/// series once (an overview of their years), and draws no chart for a table whose cells are all hidden.
/// </summary>
public sealed partial class ReportContentsTests
{
    private static readonly TableDimension Sex = TableDimension.Flat("sex", "I alt", [("female", "Kvinder"), ("male", "Mænd")]);

    [Fact]
    public void Several_tables_get_a_contents_list_whose_links_reach_every_table()
    {
        var report = ResultReportWriter.Write(Release(), "da");

        var contents = ContentsPattern().Match(report);
        Assert.True(contents.Success, "no contents list");
        var links = LinkPattern().Matches(contents.Value).Select(m => m.Groups["id"].Value).ToArray();
        var ids = IdPattern().Matches(report).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.All(links, id => Assert.Contains(id, ids));
        Assert.Equal(["overview", "table-1", "table-2", "table-3", "table-4"], links.Order(StringComparer.Ordinal));
        Assert.True(report.IndexOf("class=\"contents\"", StringComparison.Ordinal) < report.IndexOf("id=\"table-1\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_whose_cells_are_all_hidden_gets_no_chart_but_a_line_saying_why()
    {
        var report = ResultReportWriter.Write(Release(), "da");

        var hidden = Section(report, 3);
        Assert.DoesNotContain("<figure", hidden, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", hidden, StringComparison.Ordinal);
        Assert.Contains("class=\"no-chart\"", hidden, StringComparison.Ordinal);
        Assert.Contains("ingen figur, da alle tal er skjult eller 0", hidden, StringComparison.Ordinal);
        Assert.Contains("<figure", Section(report, 4), StringComparison.Ordinal);
    }

    [Fact]
    public void The_tables_of_a_series_are_drawn_once_in_an_overview_of_their_years()
    {
        var report = ResultReportWriter.Write(Release(), "da");

        Assert.DoesNotContain("<figure", Section(report, 1), StringComparison.Ordinal);
        Assert.DoesNotContain("<figure", Section(report, 2), StringComparison.Ordinal);
        var overview = report[report.IndexOf("<section class=\"overview\"", StringComparison.Ordinal)..report.IndexOf("id=\"table-1\"", StringComparison.Ordinal)];
        Assert.Contains("class=\"chart chart-line\"", overview, StringComparison.Ordinal);
        Assert.Contains("class=\"chart chart-multiples\"", overview, StringComparison.Ordinal);
        Assert.Contains("Kvinder: 2021 60, 2022 60; Mænd: 2021 80, 2022 115", System.Net.WebUtility.HtmlDecode(overview), StringComparison.Ordinal);
    }

    [Fact]
    public void One_table_needs_no_contents()
    {
        var table = CountTable.FromInnerCells("patient-count", [Sex], c => c[0] == 1 ? 40 : 50);
        var report = ResultReportWriter.Write(Json(new ProtectedTable(table, new CellStatus[table.CellCount])), "da");

        Assert.DoesNotContain("class=\"contents\"", report, StringComparison.Ordinal);
    }

    /// <summary>Two years of one table (a series), a table with every cell hidden, and an ordinary table.</summary>
    private static string Release()
    {
        long[] male = [80, 115];
        var years = male.Select((m, i) =>
        {
            var table = CountTable.FromInnerCells($"new-cases-{2021 + i}", [Sex], c => c[0] == 1 ? 60 : m);
            return new ProtectedTable(table, new CellStatus[table.CellCount]);
        });
        var outcome = CountTable.FromInnerCells("outcome", [TableDimension.Flat("outcome", "I alt", [("alive", "Ikke registreret død"), ("chIX", "Død: Sygdomme i kredsløbsorganer")])], c => c[0] == 1 ? 3 : 2);
        var region = CountTable.FromInnerCells("region", [TableDimension.Flat("region", "I alt", [("1081", "Region Nordjylland"), ("1082", "Region Midtjylland")])], c => 100 + c[0]);
        return Json([
            .. years,
            new ProtectedTable(outcome, Enumerable.Repeat(CellStatus.Suppressed, outcome.CellCount).ToArray()),
            new ProtectedTable(region, new CellStatus[region.CellCount]),
        ]);
    }

    private static string Json(params ProtectedTable[] tables) => ResultJsonWriter.Write(
        new ReleaseMetadata(Guid.NewGuid(), "incidence-prevalence", "{}", "x", "persons", DateTimeOffset.UnixEpoch),
        new ProtectedRelease(tables, new DisclosureSummary("rule", "danish-default", 0, 0, 0)));

    private static string Section(string report, int table)
    {
        var start = report.IndexOf($"aria-labelledby=\"table-{table}\"", StringComparison.Ordinal);
        var end = report.IndexOf("</section>", start, StringComparison.Ordinal);
        return report[start..end];
    }

    [GeneratedRegex("""<nav class="contents".*?</nav>""", RegexOptions.Singleline)]
    private static partial Regex ContentsPattern();

    [GeneratedRegex("href=\"#(?<id>[^\"]+)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("\\sid=\"(?<id>[^\"]+)\"")]
    private static partial Regex IdPattern();
}
