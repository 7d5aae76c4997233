using System.Globalization;
using System.Net;
using System.Text;

namespace StatService.Delivery.Release;

/// <summary>Inline SVG bar and line charts for the report, readable without scripts and in print.</summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int Height = 270;
    private const int Left = 96;
    private const int Right = 16;
    private const int Top = 24;
    private const int Bottom = 84;

    public static string Render(ReleaseChart chart, string title, string id, string hiddenMarker = DisclosureNote.SuppressedMarker)
    {
        var max = Math.Max(1, chart.Points.Max(p => p.Value ?? 0));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var step = (double)plotWidth / chart.Points.Count;
        double X(int i) => Left + (step * i) + (step / 2);
        double Y(long v) => Top + plotHeight - ((double)v / max * plotHeight);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">{Encode(title)}</title>"));
        svg.Append(Invariant($"<desc id=\"{id}-desc\">{Encode(string.Join("; ", chart.Points.Select(p => $"{p.Label}: {p.Value?.ToString(CultureInfo.InvariantCulture) ?? hiddenMarker}")))}</desc>"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"#333\"/>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\" font-size=\"11\">{max}</text>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" font-size=\"11\">0</text>"));
        if (chart.Kind == ChartKind.Line)
        {
            // Suppressed points break the line: no value is drawn where none is published.
            var segment = new List<string>();
            void Flush()
            {
                if (segment.Count > 1)
                {
                    svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"#1f4e8c\" stroke-width=\"2.5\" points=\"{string.Join(' ', segment)}\"/>"));
                }

                segment.Clear();
            }

            for (var i = 0; i < chart.Points.Count; i++)
            {
                if (chart.Points[i].Value is { } v)
                {
                    segment.Add(Invariant($"{X(i):0.#},{Y(v):0.#}"));
                    svg.Append(Invariant($"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"4\" fill=\"#1f4e8c\"/>"));
                }
                else
                {
                    Flush();
                }
            }

            Flush();
        }

        for (var i = 0; i < chart.Points.Count; i++)
        {
            var point = chart.Points[i];
            if (point.Value is { } v)
            {
                if (chart.Kind == ChartKind.Bar)
                {
                    var barWidth = Math.Max(2, step * 0.7);
                    svg.Append(Invariant($"<rect x=\"{X(i) - (barWidth / 2):0.#}\" y=\"{Y(v):0.#}\" width=\"{barWidth:0.#}\" height=\"{Top + plotHeight - Y(v):0.#}\" fill=\"#1f4e8c\"/>"));
                }

                svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Y(v) - 6:0.#}\" text-anchor=\"middle\" font-size=\"11\">{v}</text>"));
            }
            else
            {
                svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Top + plotHeight - 6}\" text-anchor=\"middle\" font-size=\"10\" font-style=\"italic\" fill=\"#555\">{Encode(hiddenMarker)}</text>"));
            }

            svg.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Top + plotHeight + 14}\" text-anchor=\"end\" font-size=\"11\" transform=\"rotate(-35 {X(i):0.#} {Top + plotHeight + 14})\">{Encode(Shorten(point.Label))}</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length > 22 ? label[..21] + "…" : label;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
