using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StatService.Delivery.Release;

/// <summary>Cells as inline strings and numbers: no shared-string table to keep in step.</summary>
internal static class XlsxCells
{
    public static Row Row(IEnumerable<Cell> cells) => new(cells);

    public static Cell Text(string text, uint style) => new(new InlineString(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    public static Cell Number(long value, uint style = XlsxStyles.Plain) => new(new CellValue(value.ToString(CultureInfo.InvariantCulture)))
    {
        DataType = CellValues.Number,
        StyleIndex = style,
    };
}
