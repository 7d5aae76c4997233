using System.Globalization;
using System.Net;
using System.Text;
using StatService.Core.Localization;
using StatService.Delivery.Release;

namespace StatService.Delivery;

/// <summary>
/// Writes a release as one self-contained, printable HTML page rendered from the stored JSON, in the order's language: the
/// definitions (cohort, extract version), the disclosure legend in plain language, and per table its
/// charts (inline SVG) and a cross-tabulation with suppressed cells marked. No scripts, no external files.
/// Every value cell carries <c>data-cell</c> with its coordinates, so a reader (or a test) can find it.
/// </summary>
public static class ResultReportWriter
{
    /// <param name="wording">The cohort definition in words and the product's title, in <paramref name="language"/>; without them the parameters and the product id are shown.</param>
    public static string Write(string releaseJson, string language = Texts.English, ReleaseWording? wording = null) =>
        Write(ReleaseDocument.Parse(releaseJson) with { Definition = wording?.Definition, ProductTitle = wording?.ProductTitle, Notes = wording?.Notes ?? [] }, language);

    public static string Write(ReleaseDocument release, string language)
    {
        string T(string key, params (string, object?)[] values) => Texts.Get(language, key, values);
        var measure = ReleaseWords.Measure(language, release.Measure);
        var product = release.ProductTitle ?? release.Product;
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{Texts.Normalise(language)}\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{E(T("report.pageTitle", ("product", product)))}</title>\n");
        html.Append("<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append($"<h1>{E(T("report.title", ("product", product)))}</h1>\n");
        html.Append("<dl class=\"facts\">");
        Fact(html, T("report.order"), release.OrderId);
        Fact(html, T("report.extract"), release.ExtractVersion);
        Fact(html, T("report.measure"), measure);
        if (release.CreatedAt is { } created)
        {
            Fact(html, T("report.created"), ReleaseWords.Created(language, created));
        }

        html.Append("</dl>\n");
        ReportContents.Write(html, release, language);

        html.Append($"<section aria-labelledby=\"definition\">\n<h2 id=\"definition\">{E(T("report.definition"))}</h2>\n<dl class=\"facts\">");
        foreach (var parameter in ReleaseDefinition.Lines(release, language))
        {
            Fact(html, parameter.Name, parameter.Value);
        }

        html.Append("</dl>\n</section>\n");
        if (release.Notes.Count > 0)
        {
            html.Append($"<section class=\"notes\" role=\"note\" aria-labelledby=\"notes\">\n<h2 id=\"notes\">{E(T("notes.title"))}</h2>\n");
            foreach (var note in release.Notes)
            {
                html.Append($"<p>{E(note)}</p>\n");
            }

            html.Append("</section>\n");
        }

        WriteLegend(html, release, language);

        var series = ReleaseCharts.Series(release.Tables);
        ReportFigures.WriteOverview(html, release, series, language);
        var tableNumber = 0;
        foreach (var table in release.Tables)
        {
            tableNumber++;
            var tableTitle = ReleaseWords.Table(language, table.Name);
            html.Append($"<section class=\"table-section\" aria-labelledby=\"table-{tableNumber}\">\n");
            html.Append($"<h2 id=\"table-{tableNumber}\">{E(T("report.table", ("n", tableNumber.ToString(CultureInfo.InvariantCulture)), ("table", tableTitle)))}</h2>\n");
            var dimensions = string.Join(" × ", table.Dimensions.Select(d => ReleaseWords.Dimension(language, d.Name)));
            html.Append($"<p>{E(T("report.tableLead", ("measure", measure), ("dimensions", dimensions), ("loss", DisclosureNote.InformationLoss(table, language))))}</p>\n");
            // A table of a series is drawn in the overview, with its other years.
            if (!series.Any(s => s.Contains(table)))
            {
                ReportFigures.WriteTableCharts(html, release, table, tableNumber, language);
            }

            WriteCrossTab(html, release, table, language);
            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteLegend(StringBuilder html, ReleaseDocument release, string language)
    {
        string T(string key, params (string, object?)[] values) => Texts.Get(language, key, values);
        html.Append($"<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">{E(T("report.legend"))}</h2>\n");
        html.Append($"<p><span class=\"suppressed sample\">{E(DisclosureNote.Marker(language))}</span> {E(T("report.marks"))}</p>\n");
        foreach (var paragraph in DisclosureNote.For(release.Disclosure, language))
        {
            html.Append($"<p>{E(paragraph)}</p>\n");
        }

        html.Append("<dl class=\"facts\">");
        if (ReleaseWords.ShowsRule(language))
        {
            Fact(html, T("report.rule"), release.Disclosure.Rule);
        }

        Fact(html, T("report.suppressedCells"), Texts.Number(language, release.Disclosure.SuppressedCells));
        // Every release's audit passed: one that fails fails the order and is never written.
        Fact(html, T("report.audit"), T("report.auditPassed", ("n", release.Disclosure.AuditedCells)));
        html.Append("</dl>\n</section>\n");
    }

    private static void WriteCrossTab(StringBuilder html, ReleaseDocument release, ReleaseTable table, string language)
    {
        var measure = ReleaseWords.Measure(language, release.Measure);
        var hidden = E(DisclosureNote.Marker(language));
        var layout = ReleaseCrossTab.For(table);
        string?[] columns = layout.ColumnDimension is { } c ? table.Dimensions[c].Codes.Select(string? (code) => code.Code).ToArray() : [null];
        html.Append($"<table class=\"result\">\n<caption>{E(Texts.Get(language, "report.caption", ("table", ReleaseWords.Table(language, table.Name)), ("measure", measure)))}</caption>\n<thead><tr>");
        foreach (var d in layout.RowDimensions)
        {
            html.Append($"<th scope=\"col\">{E(ReleaseWords.Dimension(language, table.Dimensions[d].Name))}</th>");
        }

        foreach (var column in columns)
        {
            var label = column is null ? measure : table.LabelOf(layout.ColumnDimension!.Value, column);
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
                    ? $"<td class=\"number suppressed\" data-cell=\"{key}\">{hidden}</td>"
                    : $"<td class=\"number\" data-cell=\"{key}\">{E(Texts.Number(language, cell.Value!.Value))}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append($"<dt>{E(name)}</dt><dd>{E(value)}</dd>");

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
