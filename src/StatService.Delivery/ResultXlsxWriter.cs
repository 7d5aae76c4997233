using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StatService.Delivery.Release;

namespace StatService.Delivery;

/// <summary>
/// Writes a release as an XLSX workbook rendered from the stored JSON: one sheet per table (a code and a
/// label column per dimension, the value, the status; suppressed cells carry the text "suppressed" on a
/// grey fill instead of a number) and a "Definitions" sheet with the cohort definition, the extract
/// version, the disclosure note and the information loss.
/// </summary>
public static class ResultXlsxWriter
{
    public const string DefinitionsSheet = "Definitions";

    public static byte[] Write(string releaseJson) => Write(ReleaseDocument.Parse(releaseJson));

    public static byte[] Write(ReleaseDocument release)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var names = new XlsxSheetNames(DefinitionsSheet);
            foreach (var table in release.Tables)
            {
                AddSheet(workbookPart, sheets, names.Next(table.Name), TableRows(release, table), [14, 28, 14, 28, 14, 28, 14, 14]);
            }

            AddSheet(workbookPart, sheets, DefinitionsSheet, DefinitionRows(release), [34, 110]);
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<Row> TableRows(ReleaseDocument release, ReleaseTable table)
    {
        var header = table.Dimensions.SelectMany(d => new[] { d.Name, $"{d.Name}_label" }).Concat([release.Measure, "status"]);
        yield return XlsxCells.Row(header.Select(h => XlsxCells.Text(h, XlsxStyles.Header)));
        foreach (var cell in table.Cells)
        {
            var cells = new List<Cell>();
            for (var d = 0; d < table.Dimensions.Count; d++)
            {
                var code = cell.Codes[d];
                var style = table.Dimensions[d].Codes.FirstOrDefault(c => c.Code == code)?.IsTotal == true ? XlsxStyles.Total : XlsxStyles.Plain;
                cells.Add(XlsxCells.Text(code, style));
                cells.Add(XlsxCells.Text(table.LabelOf(d, code), style));
            }

            cells.Add(cell.IsSuppressed
                ? XlsxCells.Text(DisclosureNote.SuppressedMarker, XlsxStyles.Suppressed)
                : XlsxCells.Number(cell.Value!.Value));
            cells.Add(XlsxCells.Text(cell.Status, cell.IsSuppressed ? XlsxStyles.Suppressed : XlsxStyles.Plain));
            yield return XlsxCells.Row(cells);
        }
    }

    private static IEnumerable<Row> DefinitionRows(ReleaseDocument release)
    {
        Row Line(string name, string value) => XlsxCells.Row([XlsxCells.Text(name, XlsxStyles.Header), XlsxCells.Text(value, XlsxStyles.Wrapped)]);
        Row Heading(string name) => XlsxCells.Row([XlsxCells.Text(name, XlsxStyles.Heading)]);

        yield return Heading("Release");
        yield return Line("order", release.OrderId);
        yield return Line("product", release.Product);
        yield return Line("extract version", release.ExtractVersion);
        yield return Line("measure", release.Measure);
        if (release.CreatedAt is not null)
        {
            yield return Line("created at", release.CreatedAt);
        }

        yield return Heading("Cohort definition");
        foreach (var parameter in release.Parameters)
        {
            yield return Line(parameter.Name, parameter.Value);
        }

        yield return Heading("Disclosure control");
        yield return Line("policy", release.Disclosure.Policy);
        yield return Line("rule", release.Disclosure.Rule);
        yield return Line("suppressed cells", release.Disclosure.SuppressedCells.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return Line("audit passed", release.Disclosure.AuditPassed ? "yes" : "no");
        yield return Line("audited cells", release.Disclosure.AuditedCells.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var other in release.Disclosure.Other)
        {
            yield return Line(other.Name, other.Value);
        }

        foreach (var table in release.Tables)
        {
            yield return Line($"information loss: {table.Name}", DisclosureNote.InformationLoss(table));
        }

        yield return Heading("What \"suppressed\" means");
        foreach (var paragraph in DisclosureNote.For(release.Disclosure))
        {
            yield return XlsxCells.Row([XlsxCells.Text(string.Empty, XlsxStyles.Plain), XlsxCells.Text(paragraph, XlsxStyles.Wrapped)]);
        }
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, IEnumerable<Row> rows, double[] widths)
    {
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint index = 1;
        foreach (var row in rows)
        {
            row.RowIndex = index++;
            data.AppendChild(row);
        }

        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        worksheetPart.Worksheet = new Worksheet(columns, data);
        sheets.AppendChild(new Sheet
        {
            Id = workbookPart.GetIdOfPart(worksheetPart),
            SheetId = (uint)sheets.ChildElements.Count + 1,
            Name = name,
        });
    }
}
