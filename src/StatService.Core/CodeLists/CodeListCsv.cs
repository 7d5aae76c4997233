using System.Text;

namespace StatService.Core.CodeLists;

/// <summary>One data row of a code list file and the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A small RFC 4180 reader for the code list files: comma-separated, fields quoted with <c>"</c> when
/// they hold commas, quotes (doubled) or line breaks. Lines starting with <c>#</c> carry the source and
/// licence notes and are skipped, as are empty lines. The first other line is the header, which must
/// match the expected columns; every row must have as many fields as the header.
/// </summary>
public static class CodeListCsv
{
    public static IReadOnlyList<CsvRow> Read(TextReader reader, string fileName, IReadOnlyList<string> expectedHeader)
    {
        var records = ReadRecords(reader, fileName).ToList();
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

    private static IEnumerable<CsvRow> ReadRecords(TextReader reader, string fileName)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (true)
            {
                if (i < text.Length && text[i] == '"')
                {
                    // Quoted field: runs to the closing quote, possibly over several lines.
                    i++;
                    while (true)
                    {
                        if (i == text.Length)
                        {
                            text = reader.ReadLine()
                                ?? throw new CodeListFormatException(fileName, start, "quoted field is not closed.");
                            line++;
                            field.Append('\n');
                            i = 0;
                            continue;
                        }

                        if (text[i] != '"')
                        {
                            field.Append(text[i++]);
                        }
                        else if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                        }
                        else
                        {
                            i++;
                            break;
                        }
                    }

                    if (i < text.Length && text[i] != ',')
                    {
                        throw new CodeListFormatException(fileName, line, $"unexpected character '{text[i]}' after a closing quote.");
                    }
                }
                else
                {
                    var end = text.IndexOf(',', i);
                    var raw = end < 0 ? text[i..] : text[i..end];
                    if (raw.Contains('"', StringComparison.Ordinal))
                    {
                        throw new CodeListFormatException(fileName, line, "quote inside an unquoted field.");
                    }

                    field.Append(raw);
                    i = end < 0 ? text.Length : end;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (i >= text.Length)
                {
                    break;
                }

                i++; // the comma
            }

            yield return new CsvRow(start, fields);
        }
    }
}
