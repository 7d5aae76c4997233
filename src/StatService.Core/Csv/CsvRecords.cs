using System.Text;

namespace StatService.Core.Csv;

/// <summary>One record of a CSV file, the line it starts on, and its fields (1-based column = index + 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Makes the exception a reader of a particular kind of file throws for a malformed record.</summary>
public delegate Exception CsvError(int line, int column, string problem);

/// <summary>
/// The one CSV reader of the domain (code lists, hand-made tables). RFC 4180 and tolerant of what
/// real files contain: a byte order mark, CRLF or LF, blank lines (skipped), white space around fields
/// (trimmed; quoted content is kept as is), stray quotes inside unquoted fields, and, when asked, comment
/// lines starting with <c>#</c> (skipped). Quoted fields may span lines. Errors name the line and column
/// through the caller's <see cref="CsvError"/>, so each kind of file reports in its own terms.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(TextReader reader, CsvError error, bool skipCommentLines = false, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(error);
        return ReadRecords(reader, error, skipCommentLines, delimiter);
    }

    private static IEnumerable<CsvRecord> ReadRecords(TextReader reader, CsvError error, bool skipCommentLines, char delimiter)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (line == 1 && text.StartsWith('\uFEFF'))
            {
                text = text[1..];
            }

            if (string.IsNullOrWhiteSpace(text) || skipCommentLines && text.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var start = line;
            var fields = new List<string>();
            var i = 0;
            while (true)
            {
                var column = fields.Count + 1;
                while (i < text.Length && text[i] is ' ' or '\t' && text[i] != delimiter)
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
                            text = reader.ReadLine() ?? throw error(quoteLine, column, "the quoted field is never closed.");
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

                    while (i < text.Length && text[i] is ' ' or '\t' && text[i] != delimiter)
                    {
                        i++;
                    }

                    if (i < text.Length && text[i] != delimiter)
                    {
                        throw error(line, column, $"unexpected '{text[i]}' after the closing quote.");
                    }

                    field = quoted.ToString();
                }
                else
                {
                    var end = text.IndexOf(delimiter, i);
                    field = (end < 0 ? text[i..] : text[i..end]).Trim();
                    i = end < 0 ? text.Length : end;
                }

                // A file saved in a legacy code page decodes to replacement characters: codes would silently not match.
                if (field.Contains('\uFFFD', StringComparison.Ordinal))
                {
                    throw error(line, column, "the text is not valid UTF-8; save the file as CSV UTF-8.");
                }

                fields.Add(field);
                if (i >= text.Length)
                {
                    break;
                }

                i++; // the delimiter
            }

            yield return new CsvRecord(start, fields);
        }
    }
}
