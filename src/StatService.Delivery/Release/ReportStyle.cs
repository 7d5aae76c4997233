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
        figure.chart { margin: 1rem 0; }
        figure.chart svg { width: 100%; max-width: 40rem; height: auto; }
        figcaption { font-size: .9rem; color: #333; }
        @page { size: A4; margin: 15mm; }
        @media print {
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure.chart, tr { break-inside: avoid; }
          .suppressed { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .legend { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;
}
