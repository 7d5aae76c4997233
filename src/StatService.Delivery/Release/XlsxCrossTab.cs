using DocumentFormat.OpenXml.Spreadsheet;
using StatService.Core.Localization;

namespace StatService.Delivery.Release;

/// <summary>
/// One table as a sheet: its title; then a header row (each row dimension's code and name columns, then the
/// column dimension's names) and a row of the column codes; then one row per row key with its codes and names
/// and the values across. A hidden cell holds the word for hidden on a grey fill, never a number.
/// </summary>
internal static class XlsxCrossTab
{
    public static IEnumerable<Row> Rows(ReleaseDocument release, ReleaseTable table, ReleaseCrossTab layout, string language)
    {
        var measure = ReleaseWords.Measure(language, release.Measure);
        yield return XlsxCells.Row([XlsxCells.Text($"{ReleaseWords.Table(language, table.Name)} ({measure})", XlsxStyles.Heading)]);

        var codeWord = Texts.Get(language, "result.code");
        var header = new List<Cell>();
        var codes = new List<Cell>();
        foreach (var d in layout.RowDimensions)
        {
            var name = ReleaseWords.Dimension(language, table.Dimensions[d].Name);
            header.Add(XlsxCells.Text($"{name} ({codeWord})", XlsxStyles.Header));
            header.Add(XlsxCells.Text(name, XlsxStyles.Header));
            codes.Add(XlsxCells.Text(string.Empty, XlsxStyles.Plain));
            codes.Add(XlsxCells.Text(string.Empty, XlsxStyles.Plain));
        }

        var columnCodes = layout.ColumnDimension is { } column ? table.Dimensions[column].Codes : null;
        if (columnCodes is null)
        {
            header.Add(XlsxCells.Text(measure, XlsxStyles.Header));
            codes.Add(XlsxCells.Text(string.Empty, XlsxStyles.Plain));
        }
        else
        {
            header.AddRange(columnCodes.Select(c => XlsxCells.Text(c.Label, XlsxStyles.Header)));
            codes.AddRange(columnCodes.Select(c => XlsxCells.Text(c.Code, XlsxStyles.Code)));
        }

        yield return XlsxCells.Row(header);
        yield return XlsxCells.Row(codes);

        var hidden = DisclosureNote.Marker(language);
        foreach (var key in layout.RowKeys)
        {
            var cells = new List<Cell>();
            var isTotalRow = false;
            for (var i = 0; i < layout.RowDimensions.Count; i++)
            {
                var d = layout.RowDimensions[i];
                var total = table.Dimensions[d].Codes.FirstOrDefault(c => c.Code == key[i])?.IsTotal == true;
                isTotalRow |= total;
                var style = total ? XlsxStyles.Total : XlsxStyles.Plain;
                cells.Add(XlsxCells.Text(key[i], style));
                cells.Add(XlsxCells.Text(table.LabelOf(d, key[i]), style));
            }

            foreach (var columnCode in columnCodes?.Select(c => (string?)c.Code) ?? [null])
            {
                var cell = table.Find(layout.Coordinates(table.Dimensions.Count, key, columnCode));
                cells.Add(cell is null || cell.IsSuppressed
                    ? XlsxCells.Text(hidden, XlsxStyles.Suppressed)
                    : XlsxCells.Number(cell.Value!.Value, isTotalRow ? XlsxStyles.Total : XlsxStyles.Plain));
            }

            yield return XlsxCells.Row(cells);
        }
    }
}
