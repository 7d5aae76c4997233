using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StatService.Delivery.Release;

/// <summary>The few cell formats the workbook uses; the constants are indexes into <see cref="Create"/>'s CellFormats.</summary>
internal static class XlsxStyles
{
    public const uint Plain = 0;
    public const uint Header = 1;
    public const uint Suppressed = 2;
    public const uint Wrapped = 3;
    public const uint Heading = 4;
    public const uint Total = 5;
    public const uint Code = 6;

    public static Stylesheet Create() => new(
        new Fonts(
            new Font(),
            new Font(new Bold()),
            new Font(new Italic(), new Color { Rgb = HexBinaryValue.FromString("FF404040") }),
            new Font(new Bold(), new FontSize { Val = 13 })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FFE0E0E0") }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 2, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat { FontId = 3, ApplyFont = true },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 2, ApplyFont = true }));
}
