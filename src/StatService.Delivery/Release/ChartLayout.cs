namespace StatService.Delivery.Release;

/// <summary>
/// Measures for laying out chart labels without a browser: a text's width is estimated on the wide side (the
/// widest common sans-serif, DejaVu Sans, averages about 0.6 em), so labels placed by it never touch. The status
/// page's charts (charts.js) use the same rules.
/// </summary>
internal static class ChartLayout
{
    private const double EmPerCharacter = 0.68;

    public static double Width(string text, double fontSize) => text.Length * fontSize * EmPerCharacter;

    /// <summary>The text cut with an ellipsis to fit <paramref name="width"/>; the full text stays in the chart's description.</summary>
    public static string Fit(string text, double width, double fontSize)
    {
        var characters = (int)Math.Floor(width / (fontSize * EmPerCharacter));
        return text.Length <= characters ? text : characters <= 1 ? "…" : text[..(characters - 1)] + "…";
    }

    /// <summary>
    /// Axis ticks from 0 in steps of 1, 2 or 5 times a power of ten (whole numbers: the values are counts), as many as
    /// fit: each tick's label (its <paramref name="extent"/> along the axis) and a gap within the space between ticks.
    /// </summary>
    public static IReadOnlyList<long> Ticks(long max, double length, Func<long, double> extent, double gap)
    {
        long[] ticks = [];
        foreach (var target in new[] { 5, 4, 3, 2, 1 })
        {
            ticks = TicksFor(max, target);
            var spacing = length / (ticks.Length - 1);
            if (ticks.All(t => extent(t) + gap <= spacing))
            {
                break;
            }
        }

        return ticks;
    }

    /// <summary>The top of a scale of about four steps over <paramref name="max"/>: for the small panels, which show only 0 and the top.</summary>
    public static long Top(long max) => TicksFor(max, 4)[^1];

    private static long[] TicksFor(long max, int target)
    {
        max = Math.Max(max, 1);
        var step = NiceStep(max / (double)target);
        var top = (long)Math.Ceiling(max / (double)step) * step;
        return [.. Enumerable.Range(0, (int)(top / step) + 1).Select(i => i * step)];
    }

    private static long NiceStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.Max(1, (long)Math.Round(nice * power));
    }
}
