using System.Globalization;
using System.Net;
using System.Text;
using StatService.Core.Localization;

namespace StatService.Delivery.Release;

/// <summary>
/// Inline SVG charts for the report, readable without scripts and in print. Every label is written horizontally in a
/// place of its own (a row of a bar chart, a column of a line chart), so no two labels can overlap: a distribution is
/// drawn as horizontal bars with its category names beside them, a series as a line whose x labels are thinned to fit.
/// A hidden value is never drawn as a number: it is marked with the hidden-cell word on a grey tag or band.
/// </summary>
public static class SvgCharts
{
    internal const int Width = 640;
    internal const string Ink = "#1f4e8c";
    internal const string Grid = "#d5dae1";
    internal const string HiddenFill = "#e6e6e6";
    internal const string HiddenEdge = "#8a8f98";
    internal const string Muted = "#3d3d3d";

    public static string Render(ReleaseChart chart, string title, string id, string language) =>
        chart.Kind == ChartKind.Bar ? Bars(chart, title, id, language) : Line(chart, title, id, language);

    private static string Bars(ReleaseChart chart, string title, string id, string language)
    {
        const double labelFont = 12, valueFont = 11, top = 6, row = 24, bar = 16;
        var marker = DisclosureNote.Marker(language);
        var max = chart.Points.Max(p => p.Value ?? 0);
        var labelWidth = Math.Min(230, chart.Points.Max(p => ChartLayout.Width(p.Label, labelFont)));
        var left = labelWidth + 14;
        // Room right of the plot for the longest value (or the hidden tag) at the end of its bar, and for half the last tick label.
        var valueRoom = new[]
        {
            chart.Points.Max(p => ChartLayout.Width(p.Value is { } v ? Texts.Number(language, v) : marker, valueFont) + (p.Value is null ? 10 : 0)),
            ChartLayout.Width(Texts.Number(language, Math.Max(10, max * 10)), valueFont) / 2,
        }.Max() + 12;
        var plotWidth = Width - left - valueRoom;
        var ticks = ChartLayout.Ticks(max, plotWidth, t => ChartLayout.Width(Texts.Number(language, t), valueFont), 10);
        double X(long v) => left + (plotWidth * v / ticks[^1]);
        var plotBottom = top + (chart.Points.Count * row);
        var height = plotBottom + 24;

        var svg = Open(chart, title, id, language, height);
        foreach (var tick in ticks)
        {
            svg.Append(Invariant($"<line x1=\"{X(tick):0.#}\" y1=\"{top}\" x2=\"{X(tick):0.#}\" y2=\"{plotBottom}\" stroke=\"{Grid}\"/>"));
            Text(svg, X(tick), plotBottom + 16, "middle", valueFont, Texts.Number(language, tick));
        }

        svg.Append(Invariant($"<line x1=\"{left:0.#}\" y1=\"{top}\" x2=\"{left:0.#}\" y2=\"{plotBottom}\" stroke=\"#1a1a1a\"/>"));
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var point = chart.Points[i];
            var middle = top + (i * row) + (row / 2);
            Text(svg, left - 8, middle + 4, "end", labelFont, ChartLayout.Fit(point.Label, labelWidth, labelFont));
            if (point.Value is { } v)
            {
                if (v > 0)
                {
                    svg.Append(Invariant($"<rect x=\"{left:0.#}\" y=\"{middle - (bar / 2):0.#}\" width=\"{X(v) - left:0.#}\" height=\"{bar}\" fill=\"{Ink}\" data-code=\"{Encode(point.Code)}\"/>"));
                }

                Text(svg, X(v) + 5, middle + 4, "start", valueFont, Texts.Number(language, v));
            }
            else
            {
                svg.Append(Invariant($"<rect x=\"{left + 1:0.#}\" y=\"{middle - (bar / 2):0.#}\" width=\"{ChartLayout.Width(marker, valueFont) + 10:0.#}\" height=\"{bar}\" fill=\"{HiddenFill}\" stroke=\"{HiddenEdge}\"/>"));
                Text(svg, left + 6, middle + 4, "start", valueFont, marker, hidden: true);
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Line(ReleaseChart chart, string title, string id, string language)
    {
        const double font = 11, top = 22, plotHeight = 170;
        var marker = DisclosureNote.Marker(language);
        var max = chart.Points.Max(p => p.Value ?? 0);
        var ticks = ChartLayout.Ticks(max, plotHeight, _ => font + 3, 8);
        var left = ticks.Max(t => ChartLayout.Width(Texts.Number(language, t), font)) + 14;
        var anyHidden = chart.Points.Any(p => p.Value is null);
        var plotBottom = top + plotHeight;
        var height = plotBottom + 26 + (anyHidden ? 22 : 0);
        var step = (Width - left - 16) / chart.Points.Count;
        double X(int i) => left + (step * i) + (step / 2);
        double Y(long v) => plotBottom - (plotHeight * v / ticks[^1]);

        var svg = Open(chart, title, id, language, height);
        foreach (var tick in ticks)
        {
            svg.Append(Invariant($"<line x1=\"{left:0.#}\" y1=\"{Y(tick):0.#}\" x2=\"{Width - 16}\" y2=\"{Y(tick):0.#}\" stroke=\"{Grid}\"/>"));
            Text(svg, left - 6, Y(tick) + 4, "end", font, Texts.Number(language, tick));
        }

        svg.Append(Invariant($"<line x1=\"{left:0.#}\" y1=\"{plotBottom}\" x2=\"{Width - 16}\" y2=\"{plotBottom}\" stroke=\"#1a1a1a\"/>"));
        var markerFits = ChartLayout.Width(marker, font) + 6 <= step;
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (chart.Points[i].Value is null)
            {
                // The column of a hidden point is shaded; the word fits in it or is explained by the legend below.
                svg.Append(Invariant($"<rect x=\"{X(i) - (step / 2) + 1:0.#}\" y=\"{top}\" width=\"{step - 2:0.#}\" height=\"{plotHeight}\" fill=\"{HiddenFill}\"/>"));
                if (markerFits)
                {
                    Text(svg, X(i), plotBottom - 6, "middle", font, marker, hidden: true);
                }
            }
        }

        Polyline(svg, chart.Points, X, Y, 2.5, 4);
        var showValues = chart.Points.All(p => p.Value is null || ChartLayout.Width(Texts.Number(language, p.Value.Value), font) + 6 <= step);
        var every = (int)Math.Ceiling((chart.Points.Max(p => ChartLayout.Width(p.Label, font)) + 6) / step);
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (showValues && chart.Points[i].Value is { } v)
            {
                Text(svg, X(i), Y(v) - 8, "middle", font, Texts.Number(language, v));
            }

            if (i % every == 0)
            {
                Text(svg, X(i), plotBottom + 16, "middle", font, ChartLayout.Fit(chart.Points[i].Label, (step * every) - 6, font));
            }
        }

        if (anyHidden)
        {
            Legend(svg, left, height, marker);
        }

        return svg.Append("</svg>").ToString();
    }

    internal static StringBuilder Open(ReleaseChart chart, string title, string id, string language, double height)
    {
        var marker = DisclosureNote.Marker(language);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart chart-{(chart.Kind == ChartKind.Bar ? "bar" : "line")}\" viewBox=\"0 0 {Width} {height:0.#}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">{Encode(title)}</title>"));
        svg.Append(Invariant($"<desc id=\"{id}-desc\">{Encode(string.Join("; ", chart.Points.Select(p => $"{p.Label}: {(p.Value is { } v ? Texts.Number(language, v) : marker)}")))}</desc>"));
        return svg;
    }

    /// <summary>A line through the published points; it breaks where a point is hidden, so no value is drawn where none is published.</summary>
    internal static void Polyline(StringBuilder svg, IReadOnlyList<ChartPoint> points, Func<int, double> x, Func<long, double> y, double stroke, double radius)
    {
        var segment = new List<string>();
        void Flush()
        {
            if (segment.Count > 1)
            {
                svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{Ink}\" stroke-width=\"{stroke}\" points=\"{string.Join(' ', segment)}\"/>"));
            }

            segment.Clear();
        }

        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
            {
                segment.Add(Invariant($"{x(i):0.#},{y(v):0.#}"));
                svg.Append(Invariant($"<circle cx=\"{x(i):0.#}\" cy=\"{y(v):0.#}\" r=\"{radius}\" fill=\"{Ink}\"/>"));
            }
            else
            {
                Flush();
            }
        }

        Flush();
    }

    /// <summary>One key under the chart: the grey swatch of a hidden value and the hidden-cell word.</summary>
    internal static void Legend(StringBuilder svg, double left, double height, string marker)
    {
        svg.Append(Invariant($"<rect x=\"{left:0.#}\" y=\"{height - 16:0.#}\" width=\"16\" height=\"11\" fill=\"{HiddenFill}\" stroke=\"{HiddenEdge}\"/>"));
        Text(svg, left + 22, height - 6, "start", 11, marker, hidden: true);
    }

    internal static void Text(StringBuilder svg, double x, double y, string anchor, double size, string text, bool hidden = false) =>
        svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\"{(hidden ? $" font-style=\"italic\" fill=\"{Muted}\"" : string.Empty)}>{Encode(text)}</text>"));

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
