using System.Globalization;
using System.Text;
using StatService.Core.Localization;
using static StatService.Delivery.ResultReportWriter;

namespace StatService.Delivery.Release;

/// <summary>
/// The report's contents, for a release of several tables: links to the overview of the series and to every table;
/// the tables of one series share a line, one link per year, so five years of three tables stay three lines.
/// </summary>
internal static class ReportContents
{
    public static void Write(StringBuilder html, ReleaseDocument release, string language)
    {
        if (release.Tables.Count < 2)
        {
            return;
        }

        var series = ReleaseCharts.Series(release.Tables);
        html.Append($"<nav class=\"contents\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">{E(Texts.Get(language, "report.contents"))}</h2>\n<ol>\n");
        if (series.Count > 0)
        {
            html.Append($"<li><a href=\"#overview\">{E(Texts.Get(language, "report.overview"))}</a></li>\n");
        }

        var written = new HashSet<ReleaseSeries>();
        for (var i = 0; i < release.Tables.Count; i++)
        {
            var table = release.Tables[i];
            if (series.FirstOrDefault(s => s.Contains(table)) is not { } one)
            {
                html.Append($"<li><a href=\"#table-{Number(i + 1)}\">{E(Texts.Get(language, "report.table", ("n", Number(i + 1)), ("table", ReleaseWords.Table(language, table.Name))))}</a></li>\n");
                continue;
            }

            if (!written.Add(one))
            {
                continue;
            }

            html.Append($"<li>{E(ReleaseWords.Table(language, one.Name))}: ");
            html.AppendJoin(" ", one.Years.Select(y =>
            {
                var n = Number(IndexOf(release.Tables, y.Table) + 1);
                var name = Texts.Get(language, "report.table", ("n", n), ("table", ReleaseWords.Table(language, y.Table.Name)));
                return $"<a href=\"#table-{n}\" aria-label=\"{E(name)}\">{E(y.Year)}</a>";
            }));
            html.Append("</li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private static int IndexOf(IReadOnlyList<ReleaseTable> tables, ReleaseTable table)
    {
        for (var i = 0; i < tables.Count; i++)
        {
            if (ReferenceEquals(tables[i], table))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
