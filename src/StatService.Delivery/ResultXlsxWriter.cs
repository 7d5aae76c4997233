using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StatService.Core.Localization;
using StatService.Delivery.Release;

namespace StatService.Delivery;

/// <summary>
/// Writes a release as an XLSX workbook rendered from the stored JSON, in the order's language: one sheet per
/// table laid out as ordered (rows x columns, see <see cref="ReleaseCrossTab"/>), each code beside its name,
/// hidden cells marked in words on a grey fill, and a definitions sheet with the cohort, the extract version, the
/// disclosure note and the information loss. The same release gives the same bytes.
/// </summary>
public static class ResultXlsxWriter
{
    /// <summary>Rows above a table's cells: its title, the column names, the column codes.</summary>
    public const int HeaderRows = 3;

    /// <param name="wording">The cohort definition in words and the product's title, in <paramref name="language"/>; without them the parameters are listed.</param>
    public static byte[] Write(string releaseJson, string language = Texts.English, ReleaseWording? wording = null) =>
        Write(ReleaseDocument.Parse(releaseJson) with { Definition = wording?.Definition, ProductTitle = wording?.ProductTitle, Notes = wording?.Notes ?? [] }, language);

    public static string DefinitionsSheet(string language) => Texts.Get(language, "result.definitions");

    public static byte[] Write(ReleaseDocument release, string language)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            // Fixed relationship ids throughout: generated ones would differ between two writes of the same release.
            var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rIdWorkbook");
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = XlsxStyles.Create();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var definitions = DefinitionsSheet(language);
            var names = new XlsxSheetNames(definitions);
            foreach (var table in release.Tables)
            {
                var layout = ReleaseCrossTab.For(table);
                var rowColumns = 2 * layout.RowDimensions.Count;
                var valueColumns = layout.ColumnDimension is { } c ? table.Dimensions[c].Codes.Count : 1;
                var widths = Enumerable.Range(0, rowColumns).Select(i => i % 2 == 0 ? 12.0 : 28.0).Concat(Enumerable.Repeat(14.0, valueColumns)).ToArray();
                AddSheet(workbookPart, sheets, names.Next(ReleaseWords.Table(language, table.Name)), XlsxCrossTab.Rows(release, table, layout, language), widths);
            }

            AddSheet(workbookPart, sheets, definitions, DefinitionRows(release, language), [34, 110]);
            workbookPart.Workbook.Save();
        }

        return XlsxPackage.Normalise(stream.ToArray());
    }

    private static IEnumerable<Row> DefinitionRows(ReleaseDocument release, string language)
    {
        string T(string key) => Texts.Get(language, key);
        Row Line(string name, string value) => XlsxCells.Row([XlsxCells.Text(name, XlsxStyles.Header), XlsxCells.Text(value, XlsxStyles.Wrapped)]);
        Row Heading(string name) => XlsxCells.Row([XlsxCells.Text(name, XlsxStyles.Heading)]);

        yield return Heading(T("result.release"));
        if (release.ProductTitle is not null)
        {
            yield return Line(T("result.product"), release.ProductTitle);
        }

        yield return Line(T("result.extractVersion"), release.ExtractVersion);
        yield return Line(T("result.measure"), ReleaseWords.Measure(language, release.Measure));
        if (release.CreatedAt is { } created)
        {
            yield return Line(T("result.createdAt"), ReleaseWords.Created(language, created));
        }

        yield return Heading(T("result.cohort"));
        foreach (var line in ReleaseDefinition.Lines(release, language))
        {
            yield return Line(line.Name, line.Value);
        }

        if (release.Notes.Count > 0)
        {
            yield return Heading(T("notes.title"));
            foreach (var note in release.Notes)
            {
                yield return XlsxCells.Row([XlsxCells.Text(string.Empty, XlsxStyles.Plain), XlsxCells.Text(note, XlsxStyles.Wrapped)]);
            }
        }

        yield return Heading(T("result.disclosure"));
        if (ReleaseWords.ShowsRule(language))
        {
            yield return Line(T("result.rule"), release.Disclosure.Rule);
        }

        yield return Line(T("result.suppressedCells"), Texts.Number(language, release.Disclosure.SuppressedCells));
        // Every release's audit passed: one that fails fails the order and is never written.
        yield return Line(T("result.auditPassed"), T("result.yes"));
        yield return Line(T("result.auditedCells"), Texts.Number(language, release.Disclosure.AuditedCells));
        foreach (var table in release.Tables)
        {
            yield return Line(Texts.Get(language, "result.informationLoss", ("table", ReleaseWords.Table(language, table.Name))), DisclosureNote.InformationLoss(table, language));
        }

        yield return Heading(T("result.hiddenMeans"));
        foreach (var paragraph in DisclosureNote.For(release.Disclosure, language))
        {
            yield return XlsxCells.Row([XlsxCells.Text(string.Empty, XlsxStyles.Plain), XlsxCells.Text(paragraph, XlsxStyles.Wrapped)]);
        }
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, IEnumerable<Row> rows, double[] widths)
    {
        var number = (uint)sheets.ChildElements.Count + 1;
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{number}");
        var data = new SheetData();
        uint index = 1;
        foreach (var row in rows)
        {
            row.RowIndex = index++;
            data.AppendChild(row);
        }

        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        worksheetPart.Worksheet = new Worksheet(columns, data);
        sheets.AppendChild(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = number, Name = name });
    }
}
