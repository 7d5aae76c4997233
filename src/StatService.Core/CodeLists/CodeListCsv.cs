using StatService.Core.Csv;

namespace StatService.Core.CodeLists;

/// <summary>
/// Reads a code list file with the shared CSV reader: comma-separated, lines starting with <c>#</c>
/// (source and licence notes) and empty lines skipped. The first other line is the header, which must
/// match the expected columns; every row must have as many fields as the header.
/// </summary>
public static class CodeListCsv
{
    public static IReadOnlyList<CsvRecord> Read(TextReader reader, string fileName, IReadOnlyList<string> expectedHeader)
    {
        var records = CsvRecords.Read(reader, (line, column, problem) => new CodeListFormatException(fileName, line, $"column {column}: {problem}"), skipCommentLines: true)
            .ToList();
        if (records.Count == 0)
        {
            throw new CodeListFormatException(fileName, 1, $"no header; expected {string.Join(',', expectedHeader)}.");
        }

        var header = records[0];
        if (!header.Fields.SequenceEqual(expectedHeader, StringComparer.Ordinal))
        {
            throw new CodeListFormatException(fileName, header.Line,
                $"header is {string.Join(',', header.Fields)}; expected {string.Join(',', expectedHeader)}.");
        }

        foreach (var row in records.Skip(1))
        {
            if (row.Fields.Count != expectedHeader.Count)
            {
                throw new CodeListFormatException(fileName, row.Line,
                    $"expected {expectedHeader.Count} fields, found {row.Fields.Count}.");
            }
        }

        return records[1..];
    }
}
