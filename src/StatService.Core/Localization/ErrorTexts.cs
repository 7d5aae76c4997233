using System.Text.RegularExpressions;

namespace StatService.Core.Localization;

/// <summary>
/// Puts a validation message into the requester's language. Messages are composed in English where the problem is
/// found (the validators know nothing of requests); every one has a <c>problem.*</c> template in the text resource,
/// and here the English template is matched to recover its values, which fill the other language's template.
/// Captured values that are themselves English phrases (<c>problemTerm.*</c>) are translated too.
/// </summary>
public static partial class ErrorTexts
{
    private static readonly Lazy<(Regex Pattern, string Key)[]> Templates = new(() =>
        [.. Texts.Of(Texts.English)
            .Where(t => t.Key.StartsWith("problem.", StringComparison.Ordinal))
            // The longest template first, so that "... {to}." does not swallow "... {to} (extract {version}).".
            .OrderByDescending(t => Placeholder().Replace(t.Value, string.Empty).Length)
            .Select(t => (new Regex("^" + EscapedPlaceholder().Replace(Regex.Escape(t.Value), "(?<$1>.*?)") + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant), t.Key))]);

    public static string Translate(string message, string language) => TryTranslate(message, language) ?? message;

    /// <summary>The message in <paramref name="language"/>; null when no template matches (a message without a translation).</summary>
    public static string? TryTranslate(string message, string language)
    {
        foreach (var (pattern, key) in Templates.Value)
        {
            var match = pattern.Match(message);
            if (!match.Success)
            {
                continue;
            }

            if (Texts.Normalise(language) == Texts.English)
            {
                return message;
            }

            var values = pattern.GetGroupNames().Where(g => !int.TryParse(g, out _))
                .Select(g => (g, (object?)Terms(match.Groups[g].Value, language)))
                .ToArray();
            return Texts.Get(language, key, values);
        }

        return null;
    }

    public static IDictionary<string, string[]> Translate(IReadOnlyDictionary<string, string[]> errors, string language) =>
        errors.ToDictionary(e => e.Key, e => e.Value.Select(m => Translate(m, language)).ToArray(), StringComparer.Ordinal);

    private static string Terms(string value, string language)
    {
        foreach (var (key, english) in Texts.Of(Texts.English).Where(t => t.Key.StartsWith("problemTerm.", StringComparison.Ordinal)))
        {
            value = value.Replace(english, Texts.Get(language, key), StringComparison.Ordinal);
        }

        return value;
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    // Regex.Escape writes "{name}" as "\{name}".
    [GeneratedRegex(@"\\\{(\w+)\}")]
    private static partial Regex EscapedPlaceholder();
}
