using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StatService.TestSupport.Deliverables;

/// <summary>An XLSX read back with the Open XML SDK: each sheet's rows as cell texts, in order.</summary>
public static class XlsxWorkbook
{
    public static Dictionary<string, List<string[]>> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => row.Elements<Cell>().Select(Text).ToArray())
                .ToList();
            sheets.Add(sheet.Name!, rows);
        }

        return sheets;
    }

    public static bool IsNumber(byte[] bytes, string sheetName, int rowIndex, int columnIndex)
    {
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var cell = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt(rowIndex).Elements<Cell>().ElementAt(columnIndex);
        return cell.DataType is null || cell.DataType.Value == CellValues.Number;
    }

    private static string Text(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty : cell.CellValue?.Text ?? string.Empty;
}
