namespace StatService.Browser.Tests.Browser;

/// <summary>
/// What the browser measures of a page's charts (bounding boxes as laid out): each figure's caption inside the figure,
/// above its chart and nearer to it than to the chart before; every label of a chart inside the chart and clear of
/// every other label.
/// Read back from the page, so its properties are settable.
/// </summary>
public sealed class ChartMeasure
{
    public int Figures { get; set; }

    public int Labels { get; set; }

    public string[] Problems { get; set; } = [];

    public const string Script = """
        () => {
          const problems = [];
          const slack = 0.5;
          const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > slack && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > slack;
          const inside = (a, b) => a.left >= b.left - slack && a.right <= b.right + slack && a.top >= b.top - slack && a.bottom <= b.bottom + slack;
          const figures = [...document.querySelectorAll("figure.chart")];
          let labels = 0, previous = null;
          figures.forEach((figure, n) => {
            const caption = figure.querySelector("figcaption"), chart = figure.querySelector("svg");
            const name = caption ? caption.textContent : `figure ${n + 1}`;
            if (!caption || !chart) { problems.push(`${name}: a figure without caption or chart`); return; }
            const f = figure.getBoundingClientRect(), c = caption.getBoundingClientRect(), s = chart.getBoundingClientRect();
            if (!inside(c, f)) problems.push(`${name}: the caption leaves its figure`);
            if (c.bottom > s.top + slack) problems.push(`${name}: the caption is not above its chart`);
            if (previous && previous.bottom <= c.top && c.top - previous.bottom <= s.top - c.bottom)
              problems.push(`${name}: the caption is as near the chart before as its own`);
            previous = s;
            const texts = [...chart.querySelectorAll("text")].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() })).filter((t) => t.box.width > 0);
            labels += texts.length;
            for (const t of texts) if (!inside(t.box, s)) problems.push(`${name}: '${t.text}' leaves the chart`);
            for (let i = 0; i < texts.length; i++)
              for (let j = i + 1; j < texts.length; j++)
                if (overlap(texts[i].box, texts[j].box)) problems.push(`${name}: '${texts[i].text}' overlaps '${texts[j].text}'`);
          });
          return { figures: figures.length, labels, problems };
        }
        """;
}
