using StatService.Core.Csv;

namespace StatService.Core.Tables.ManualTables;

/// <summary>Hand-made tables and hierarchies are read with the shared CSV reader; its errors name file, line and column.</summary>
internal static class ManualTableCsv
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, string fileName) =>
        CsvRecords.Read(reader, (line, column, problem) => new ManualTableFormatException(fileName, line, column, null, problem));
}
