using StatService.Core.Localization;

namespace StatService.Delivery;

/// <summary>
/// How a CSV download is written: the language of its header and status words, the field separator and the
/// decimal mark. Danish spreadsheet programs split fields on <c>;</c> and read <c>17,7</c>, so Danish is the default
/// for Danish orders; anyone may ask for another separator or locale.
/// </summary>
public sealed record CsvOptions(string Language, char Separator, bool DecimalComma)
{
    public static readonly IReadOnlyList<string> Separators = ["comma", "semicolon", "tab"];

    public static CsvOptions For(string language) => Texts.Normalise(language) == Texts.Danish
        ? new CsvOptions(Texts.Danish, ';', DecimalComma: true)
        : new CsvOptions(Texts.English, ',', DecimalComma: false);

    /// <summary>The order's language, changed by <c>locale</c> (da | en) and <c>sep</c> (comma | semicolon | tab) when given.</summary>
    public static CsvOptions For(string orderLanguage, string? locale, string? sep)
    {
        var options = For(locale ?? orderLanguage);
        return sep?.ToLowerInvariant() switch
        {
            "comma" or "," => options with { Separator = ',' },
            "semicolon" or ";" => options with { Separator = ';' },
            "tab" or "\t" => options with { Separator = '\t' },
            _ => options,
        };
    }

    /// <summary>Null when the choices are known (or absent); otherwise the reason, for a 400.</summary>
    public static string? Check(string? locale, string? sep) =>
        locale is not null && !Texts.Languages.Contains(locale, StringComparer.OrdinalIgnoreCase)
            ? "locale: use da or en."
            : sep is not null && !Separators.Contains(sep, StringComparer.OrdinalIgnoreCase) && sep is not ("," or ";" or "\t")
                ? "sep: use comma, semicolon or tab."
                : null;
}
