using System.Globalization;
using System.Text;
using StatService.Core.Localization;
using static StatService.Delivery.ResultReportWriter;

namespace StatService.Delivery.Release;

/// <summary>
/// The report's figures: each chart in a <c>figure</c> of its own with its caption above it, or, when every value is
/// hidden or zero, one line saying so in place of an empty chart.
/// </summary>
internal static class ReportFigures
{
    /// <summary>The overview of the series (tables released per year): per series its totals and its small multiples.</summary>
    public static void WriteOverview(StringBuilder html, ReleaseDocument release, IReadOnlyList<ReleaseSeries> series, string language)
    {
        if (series.Count == 0)
        {
            return;
        }

        string T(string key, params (string, object?)[] values) => Texts.Get(language, key, values);
        var measure = ReleaseWords.Measure(language, release.Measure);
        html.Append($"<section class=\"overview\" aria-labelledby=\"overview\">\n<h2 id=\"overview\">{E(T("report.overview"))}</h2>\n<p>{E(T("report.overviewLead"))}</p>\n");
        for (var n = 1; n <= series.Count; n++)
        {
            var one = series[n - 1];
            var name = ReleaseWords.Table(language, one.Name);
            html.Append($"<h3 id=\"overview-{n}\">{E(name)}</h3>\n");
            var totals = ReleaseCharts.Totals(one);
            var title = T("report.seriesTitle", ("dimension", name), ("measure", measure));
            Figure(html, title, totals.Points, language, () => SvgCharts.Render(totals, title, $"series-{n}", language));
            var d = 0;
            foreach (var (dimension, panels) in ReleaseCharts.Panels(one))
            {
                d++;
                var panelsTitle = T("report.smallMultiples", ("table", name), ("measure", measure), ("dimension", ReleaseWords.Dimension(language, dimension)));
                Figure(html, panelsTitle, panels.SelectMany(p => p.Points), language, () => SvgSmallMultiples.Render(panels, panelsTitle, $"series-{n}-{d}", language));
            }
        }

        html.Append("</section>\n");
    }

    public static void WriteTableCharts(StringBuilder html, ReleaseDocument release, ReleaseTable table, int tableNumber, string language)
    {
        var measure = ReleaseWords.Measure(language, release.Measure);
        var chartNumber = 0;
        foreach (var chart in ReleaseCharts.For(table))
        {
            chartNumber++;
            var title = Texts.Get(
                language,
                chart.Kind == ChartKind.Line ? "report.chartSeries" : "report.chartBars",
                ("measure", measure),
                ("dimension", ReleaseWords.Dimension(language, chart.Dimension)));
            var id = string.Create(CultureInfo.InvariantCulture, $"chart-{tableNumber}-{chartNumber}");
            Figure(html, title, chart.Points, language, () => SvgCharts.Render(chart, title, id, language));
        }
    }

    private static void Figure(StringBuilder html, string title, IEnumerable<ChartPoint> points, string language, Func<string> svg)
    {
        if (!ReleaseCharts.IsDrawable(points))
        {
            html.Append($"<p class=\"no-chart\">{E(Texts.Get(language, "report.noChart", ("title", title)))}</p>\n");
            return;
        }

        html.Append($"<figure class=\"chart\"><figcaption>{E(title)}</figcaption>{svg()}</figure>\n");
    }
}
