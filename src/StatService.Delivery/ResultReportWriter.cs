using System.Globalization;
using System.Net;
using System.Text;
using StatService.Delivery.Release;

namespace StatService.Delivery;

/// <summary>
/// Writes a release as one self-contained, printable HTML page rendered from the stored JSON: the
/// definitions (cohort, extract version), the disclosure legend in plain language, and per table its
/// charts (inline SVG) and a cross-tabulation with suppressed cells marked. No scripts, no external files.
/// Every value cell carries <c>data-cell</c> with its coordinates, so a reader (or a test) can find it.
/// </summary>
public static class ResultReportWriter
{
    public static string Write(string releaseJson) => Write(ReleaseDocument.Parse(releaseJson));

    public static string Write(ReleaseDocument release)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>StatService result {E(release.Product)} ({E(release.OrderId)})</title>\n");
        html.Append("<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append($"<h1>Statistics result: {E(release.Product)}</h1>\n");
        html.Append("<dl class=\"facts\">");
        Fact(html, "Order", release.OrderId);
        Fact(html, "Extract version", release.ExtractVersion);
        Fact(html, "Measure", release.Measure);
        if (release.CreatedAt is not null)
        {
            Fact(html, "Created", release.CreatedAt);
        }

        html.Append("</dl>\n");

        html.Append("<section aria-labelledby=\"definition\">\n<h2 id=\"definition\">Cohort definition</h2>\n<dl class=\"facts\">");
        foreach (var parameter in release.Parameters)
        {
            Fact(html, parameter.Name, parameter.Value);
        }

        html.Append("</dl>\n</section>\n");
        WriteLegend(html, release);

        var seriesNumber = 0;
        foreach (var series in ReleaseCharts.YearSeries(release.Tables))
        {
            seriesNumber++;
            var title = $"{series.Dimension}: {release.Measure} per year (table totals)";
            html.Append("<figure class=\"chart\">");
            html.Append(SvgCharts.Render(series, title, $"series-{seriesNumber}"));
            html.Append($"<figcaption>{E(title)}</figcaption></figure>\n");
        }

        var tableNumber = 0;
        foreach (var table in release.Tables)
        {
            tableNumber++;
            html.Append($"<section class=\"table-section\" aria-labelledby=\"table-{tableNumber}\">\n");
            html.Append($"<h2 id=\"table-{tableNumber}\">Table {tableNumber}: {E(table.Name)}</h2>\n");
            html.Append($"<p>{E(release.Measure)} by {E(string.Join(" × ", table.Dimensions.Select(d => d.Name)))}; {E(DisclosureNote.InformationLoss(table))}.</p>\n");
            var chartNumber = 0;
            foreach (var chart in ReleaseCharts.For(table))
            {
                chartNumber++;
                var kind = chart.Kind == ChartKind.Line ? "Series" : "Distribution";
                var title = $"{kind} of {release.Measure} by {chart.Dimension} (all other dimensions at their total)";
                html.Append("<figure class=\"chart\">");
                html.Append(SvgCharts.Render(chart, title, $"chart-{tableNumber}-{chartNumber}"));
                html.Append($"<figcaption>{E(title)}</figcaption></figure>\n");
            }

            WriteCrossTab(html, release, table);
            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteLegend(StringBuilder html, ReleaseDocument release)
    {
        html.Append("<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">How to read the tables: hidden numbers</h2>\n");
        html.Append($"<p><span class=\"suppressed sample\">{DisclosureNote.SuppressedMarker}</span> marks a cell whose number is not shown.</p>\n");
        foreach (var paragraph in DisclosureNote.For(release.Disclosure))
        {
            html.Append($"<p>{E(paragraph)}</p>\n");
        }

        html.Append("<dl class=\"facts\">");
        Fact(html, "Policy", release.Disclosure.Policy);
        Fact(html, "Rule", release.Disclosure.Rule);
        Fact(html, "Suppressed cells", release.Disclosure.SuppressedCells.ToString(CultureInfo.InvariantCulture));
        Fact(html, "Audit", release.Disclosure.AuditPassed
            ? $"passed ({release.Disclosure.AuditedCells.ToString(CultureInfo.InvariantCulture)} hidden cells attacked, none disclosed)"
            : "not passed");
        foreach (var other in release.Disclosure.Other)
        {
            Fact(html, other.Name, other.Value);
        }

        html.Append("</dl>\n</section>\n");
    }

    private static void WriteCrossTab(StringBuilder html, ReleaseDocument release, ReleaseTable table)
    {
        var layout = ReleaseCrossTab.For(table);
        string?[] columns = layout.ColumnDimension is { } c ? table.Dimensions[c].Codes.Select(string? (code) => code.Code).ToArray() : [null];
        html.Append($"<table class=\"result\">\n<caption>{E(table.Name)}: {E(release.Measure)}</caption>\n<thead><tr>");
        foreach (var d in layout.RowDimensions)
        {
            html.Append($"<th scope=\"col\">{E(table.Dimensions[d].Name)}</th>");
        }

        foreach (var column in columns)
        {
            var label = column is null ? release.Measure : table.LabelOf(layout.ColumnDimension!.Value, column);
            html.Append($"<th scope=\"col\" class=\"number\">{E(label)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var rowKey in layout.RowKeys)
        {
            var isTotalRow = rowKey.Any(code => code == "total");
            html.Append(isTotalRow ? "<tr class=\"total\">" : "<tr>");
            for (var i = 0; i < rowKey.Count; i++)
            {
                html.Append($"<th scope=\"row\">{E(table.LabelOf(layout.RowDimensions[i], rowKey[i]))}</th>");
            }

            foreach (var column in columns)
            {
                var codes = layout.Coordinates(table.Dimensions.Count, rowKey, column);
                var cell = table.Find(codes);
                var key = E(string.Join(";", table.Dimensions.Select((d, i) => $"{d.Name}={codes[i]}")));
                html.Append(cell is null || cell.IsSuppressed
                    ? $"<td class=\"number suppressed\" data-cell=\"{key}\">{DisclosureNote.SuppressedMarker}</td>"
                    : $"<td class=\"number\" data-cell=\"{key}\">{cell.Value!.Value.ToString(CultureInfo.InvariantCulture)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append($"<dt>{E(name)}</dt><dd>{E(value)}</dd>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
