using System.Text;

namespace StatService.Core.Tables.ManualTables;

/// <summary>One record of a CSV file, the line it starts on, and its fields (1-based column = index + 1).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader that tolerates what hand-made files contain: a byte order mark, CRLF or LF,
/// blank lines (skipped), white space around fields (trimmed; quoted content is kept as is) and
/// stray quotes inside unquoted fields. Comma-separated only; quoted fields may span lines.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, string fileName)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (line == 1 && text.StartsWith('\uFEFF'))
            {
                text = text[1..];
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var start = line;
            var fields = new List<string>();
            var i = 0;
            while (true)
            {
                var column = fields.Count + 1;
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                string field;
                if (i < text.Length && text[i] == '"')
                {
                    var quoteLine = line;
                    var quoted = new StringBuilder();
                    i++;
                    while (true)
                    {
                        if (i == text.Length)
                        {
                            text = reader.ReadLine()
                                ?? throw new ManualTableFormatException(fileName, quoteLine, column, null, "the quoted field is never closed.");
                            line++;
                            quoted.Append('\n');
                            i = 0;
                        }
                        else if (text[i] != '"')
                        {
                            quoted.Append(text[i++]);
                        }
                        else if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            quoted.Append('"');
                            i += 2;
                        }
                        else
                        {
                            i++;
                            break;
                        }
                    }

                    while (i < text.Length && text[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    if (i < text.Length && text[i] != ',')
                    {
                        throw new ManualTableFormatException(fileName, line, column, null, $"unexpected '{text[i]}' after the closing quote.");
                    }

                    field = quoted.ToString();
                }
                else
                {
                    var end = text.IndexOf(',', i);
                    field = (end < 0 ? text[i..] : text[i..end]).Trim();
                    i = end < 0 ? text.Length : end;
                }

                // A file saved in a legacy code page decodes to replacement characters: codes would silently not match.
                if (field.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    throw new ManualTableFormatException(fileName, line, column, null, "the text is not valid UTF-8; save the file as CSV UTF-8.");
                }

                fields.Add(field);
                if (i >= text.Length)
                {
                    break;
                }

                i++; // the comma
            }

            yield return new CsvRecord(start, fields);
        }
    }
}
