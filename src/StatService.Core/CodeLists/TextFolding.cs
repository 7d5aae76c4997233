using System.Text;

namespace StatService.Core.CodeLists;

/// <summary>
/// Folds text so that searches ignore case and diacritics: "Sjælland", "Sjaelland" and "sjalland"
/// all become "sjaland". Done by table rather than Unicode normalisation because the service runs
/// with invariant globalization.
/// </summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            switch (c)
            {
                case 'æ': sb.Append("ae"); break;
                case 'ø' or 'ö' or 'ó' or 'ò' or 'ô' or 'õ': sb.Append('o'); break;
                case 'å' or 'ä' or 'á' or 'à' or 'â' or 'ã': sb.Append('a'); break;
                case 'é' or 'è' or 'ê' or 'ë': sb.Append('e'); break;
                case 'í' or 'ì' or 'î' or 'ï': sb.Append('i'); break;
                case 'ú' or 'ù' or 'û' or 'ü': sb.Append('u'); break;
                case 'ç': sb.Append('c'); break;
                case 'ñ': sb.Append('n'); break;
                case 'ß': sb.Append("ss"); break;
                default: sb.Append(c); break;
            }
        }

        // Danish spellings without the special letters: "aa" for å and "oe" for ø.
        return sb.Replace("aa", "a").Replace("oe", "o").ToString();
    }

    /// <summary>The folded words of a text: runs of letters and digits.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}
