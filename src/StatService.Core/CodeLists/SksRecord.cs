using System.Globalization;

namespace StatService.Core.CodeLists;

/// <summary>One record of the SKS classification file: record type (e.g. <c>dia</c>), code, validity and Danish text.</summary>
public sealed record SksRecord(int Line, string RecordType, string Code, DateOnly ValidFrom, DateOnly? ValidTo, string Text)
{
    /// <summary>Valid on <paramref name="date"/>: from its start date up to, not including, its end date.</summary>
    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}

/// <summary>
/// Reads the SKS "SKScomplete" download: fixed-width text, one record per line. Columns (0-based
/// character offsets): record type 0-2, code 3-22, valid from 23-30 (yyyyMMdd), date of change 31-38,
/// valid to 39-46 (blank or a far-future date when open), text 47-166; anything after is ignored.
/// Every malformed line is collected and reported at once, by line number.
/// </summary>
public static class SksCompleteReader
{
    private const int CodeStart = 3;
    private const int FromStart = 23;
    private const int ToStart = 39;
    private const int TextStart = 47;
    private const int TextLength = 120;

    // SKS marks open-ended validity with a far-future date.
    private static readonly DateOnly OpenEnded = new(2500, 1, 1);

    public static IReadOnlyList<SksRecord> Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<SksRecord>();
        var problems = new List<CodeSourceProblem>();
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

            if (text.Length <= TextStart)
            {
                problems.Add(new CodeSourceProblem(line, $"{text.Length} characters; a record has the text from character {TextStart + 1}."));
                continue;
            }

            var type = text[..CodeStart].Trim();
            var code = text[CodeStart..FromStart].Trim();
            var text120 = text[TextStart..Math.Min(text.Length, TextStart + TextLength)].Trim();
            var from = Date(text[FromStart..(FromStart + 8)]);
            var toField = text[ToStart..(ToStart + 8)];
            var to = string.IsNullOrWhiteSpace(toField) ? null : Date(toField);
            string? problem = null;
            if (type.Length == 0 || code.Length == 0)
            {
                problem = "record type or code is empty.";
            }
            else if (from is null)
            {
                problem = $"valid-from '{text[FromStart..(FromStart + 8)]}' is not a date (yyyyMMdd).";
            }
            else if (!string.IsNullOrWhiteSpace(toField) && to is null)
            {
                problem = $"valid-to '{toField}' is not a date (yyyyMMdd).";
            }
            else if (text120.Length == 0)
            {
                problem = $"code {code} has no text.";
            }

            if (problem is null)
            {
                records.Add(new SksRecord(line, type, code, from!.Value, to >= OpenEnded ? null : to, text120));
            }
            else
            {
                problems.Add(new CodeSourceProblem(line, problem));
            }
        }

        return problems.Count > 0 ? throw new CodeSourceFormatException(fileName, problems) : records;
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
