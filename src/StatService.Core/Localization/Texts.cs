using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace StatService.Core.Localization;

/// <summary>
/// Every text a person reads, in Danish and English, from one resource (<c>texts.json</c>): the pages load
/// it as it is, the API and the deliverables through this class. Placeholders are written <c>{name}</c>.
/// </summary>
public static class Texts
{
    public const string Danish = "da";
    public const string English = "en";

    private static readonly Lazy<(string Json, Dictionary<string, Dictionary<string, string>> ByLanguage)> Loaded = new(Load);

    public static IReadOnlyList<string> Languages { get; } = [Danish, English];

    /// <summary>The resource as stored, for the pages.</summary>
    public static string Json => Loaded.Value.Json;

    public static IReadOnlyDictionary<string, string> Of(string language) => Loaded.Value.ByLanguage[Normalise(language)];

    /// <summary><c>en</c> for English; Danish otherwise (the service's first language).</summary>
    public static string Normalise(string? language) =>
        language is not null && language.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Danish;

    /// <summary>The text of <paramref name="key"/> with its placeholders filled; a missing key throws (tests find them all).</summary>
    public static string Get(string language, string key, params (string Name, object? Value)[] values)
    {
        if (!Of(language).TryGetValue(key, out var text))
        {
            throw new KeyNotFoundException($"No {Normalise(language)} text for '{key}'.");
        }

        foreach (var (name, value) in values)
        {
            var shown = value switch
            {
                null => string.Empty,
                long or int => Number(language, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
                double d => Number(language, d, 1),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
            };
            text = text.Replace($"{{{name}}}", shown, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Numbers as the language writes them: 17,7 and 1.234 in Danish, 17.7 and 1,234 in English.</summary>
    public static NumberFormatInfo NumberFormat(string language) => Normalise(language) == Danish ? DanishNumbers : EnglishNumbers;

    public static string Number(string language, long value) => value.ToString("N0", NumberFormat(language));

    public static string Number(string language, double value, int decimals) => value.ToString($"N{decimals}", NumberFormat(language));

    // Built by hand: the service runs with invariant globalization, so there is no da-DK culture to ask.
    private static readonly NumberFormatInfo DanishNumbers = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = ".", PercentDecimalSeparator = ",", PercentGroupSeparator = ".",
    };

    private static readonly NumberFormatInfo EnglishNumbers = new()
    {
        NumberDecimalSeparator = ".", NumberGroupSeparator = ",", PercentDecimalSeparator = ".", PercentGroupSeparator = ",",
    };

    private static (string, Dictionary<string, Dictionary<string, string>>) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StatService.Texts.json")
            ?? throw new InvalidOperationException("The texts resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        var byLanguage = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json)
            ?? throw new InvalidOperationException("The texts resource is empty.");
        return (json, byLanguage);
    }
}
