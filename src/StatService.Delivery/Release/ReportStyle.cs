namespace StatService.Delivery.Release;

/// <summary>The report's own stylesheet: readable on screen, tidy on paper (A4, tables kept whole where they fit).</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #fff; line-height: 1.45; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
        h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; border-bottom: 2px solid #1f4e8c; padding-bottom: .2rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        .legend { background: #f3f6fa; border-left: 4px solid #1f4e8c; padding: .25rem 1rem .75rem; }
        table.result { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
        table.result caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
        table.result th, table.result td { border: 1px solid #999; padding: .2rem .5rem; }
        table.result th { background: #eef1f5; text-align: left; font-weight: 600; }
        table.result .number { text-align: right; }
        tr.total th, tr.total td { font-weight: 700; }
        .suppressed { font-style: italic; color: #444;
          background: repeating-linear-gradient(135deg, #e6e6e6 0 4px, #f7f7f7 4px 8px); }
        .sample { padding: 0 .4rem; border: 1px solid #999; }
        nav.contents ol { columns: 2 18rem; column-gap: 2rem; padding-left: 1.5rem; margin: .25rem 0; }
        nav.contents li { break-inside: avoid; margin: .1rem 0; }
        nav.contents a + a { margin-left: .4rem; }
        /* The caption sits close above its own chart and well apart from the chart before it. */
        figure.chart { margin: 2rem 0 1.25rem; }
        figure.chart figcaption { font-size: .95rem; font-weight: 600; color: #1a1a1a; margin: 0 0 .35rem; }
        figure.chart svg { display: block; width: 100%; max-width: 40rem; height: auto; }
        .no-chart { font-style: italic; color: #444; }
        @page { size: A4; margin: 15mm; }
        @media print {
          main { max-width: none; padding: 0; }
          h2, h3, figcaption { break-after: avoid; }
          figure.chart, tr, nav.contents li { break-inside: avoid; }
          /* An SVG scales as one picture, so its labels keep the places they were given on screen. */
          figure.chart svg { max-width: 100%; }
          nav.contents a { color: inherit; text-decoration: none; }
          .suppressed { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .legend { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;
}
