using System.Text;
using StatService.Core.Localization;
using static StatService.Delivery.Release.SvgCharts;

namespace StatService.Delivery.Release;

/// <summary>
/// A series' small multiples as one SVG: a grid of small line charts, one per category, all on the same scale so
/// they compare at a glance. Each panel has its own place for its name, scale and first and last year.
/// </summary>
public static class SvgSmallMultiples
{
    private const double PanelHeight = 104;
    private const double Font = 10;

    public static string Render(IReadOnlyList<SmallMultiple> panels, string title, string id, string language)
    {
        var marker = DisclosureNote.Marker(language);
        var columns = Math.Min(panels.Count, 4);
        var panelWidth = (double)Width / columns;
        var rows = (int)Math.Ceiling(panels.Count / (double)columns);
        var anyHidden = panels.Any(p => p.Points.Any(point => point.Value is null));
        var height = (rows * PanelHeight) + (anyHidden ? 24 : 0);
        var top = ChartLayout.Top(panels.Max(p => p.Points.Max(point => point.Value ?? 0)));
        var scaleWidth = ChartLayout.Width(Texts.Number(language, top), Font) + 8;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"chart chart-multiples\" viewBox=\"0 0 {Width} {height:0.#}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Invariant($"<title id=\"{id}-title\">{Encode(title)}</title>"));
        svg.Append(Invariant($"<desc id=\"{id}-desc\">{Encode(string.Join("; ", panels.Select(p => $"{p.Label}: {string.Join(", ", p.Points.Select(point => $"{point.Label} {(point.Value is { } v ? Texts.Number(language, v) : marker)}"))}")))}</desc>"));
        for (var n = 0; n < panels.Count; n++)
        {
            var panel = panels[n];
            var originX = n % columns * panelWidth;
            var originY = n / columns * PanelHeight;
            var left = originX + scaleWidth;
            var right = originX + panelWidth - 12;
            var plotTop = originY + 30;
            var plotBottom = originY + 78;
            var step = (right - left) / panel.Points.Count;
            double X(int i) => left + (step * i) + (step / 2);
            double Y(long v) => plotBottom - ((plotBottom - plotTop) * v / top);

            svg.Append(Invariant($"<text x=\"{originX + 4:0.#}\" y=\"{originY + 14:0.#}\" text-anchor=\"start\" font-size=\"11\" font-weight=\"600\">{Encode(ChartLayout.Fit(panel.Label, panelWidth - 10, 11))}</text>"));
            for (var i = 0; i < panel.Points.Count; i++)
            {
                if (panel.Points[i].Value is null)
                {
                    svg.Append(Invariant($"<rect x=\"{X(i) - (step / 2) + 0.5:0.#}\" y=\"{plotTop:0.#}\" width=\"{step - 1:0.#}\" height=\"{plotBottom - plotTop:0.#}\" fill=\"{HiddenFill}\"/>"));
                }
            }

            svg.Append(Invariant($"<line x1=\"{left:0.#}\" y1=\"{plotTop:0.#}\" x2=\"{right:0.#}\" y2=\"{plotTop:0.#}\" stroke=\"{Grid}\"/>"));
            svg.Append(Invariant($"<line x1=\"{left:0.#}\" y1=\"{plotBottom:0.#}\" x2=\"{right:0.#}\" y2=\"{plotBottom:0.#}\" stroke=\"#1a1a1a\"/>"));
            Text(svg, left - 4, plotTop + 4, "end", Font, Texts.Number(language, top));
            Text(svg, left - 4, plotBottom, "end", Font, "0");
            Polyline(svg, panel.Points, X, Y, 2, 2.5);
            Text(svg, left, plotBottom + 14, "start", Font, panel.Points[0].Label);
            if (panel.Points.Count > 1)
            {
                Text(svg, right, plotBottom + 14, "end", Font, panel.Points[^1].Label);
            }
        }

        if (anyHidden)
        {
            Legend(svg, 4, height, marker);
        }

        return svg.Append("</svg>").ToString();
    }
}
