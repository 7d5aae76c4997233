namespace StatService.Api.Http;

/// <summary>
/// Text people type into one line (names, e-mail) holds no control characters at all; free text (a purpose, a
/// reason) may break lines and indent. NUL, escape sequences and the like end up in e-mails, logs and CSV files.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The reason to refuse <paramref name="text"/>, or null when it is clean.</summary>
    public static string? Problem(string text, bool multiline)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return multiline
                    ? $"Contains a control character (U+{(int)c:X4}); only line breaks and tabs are allowed."
                    : $"Contains a control character (U+{(int)c:X4}); one line of text, without line breaks.";
            }
        }

        return null;
    }
}
