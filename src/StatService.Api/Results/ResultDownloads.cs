using System.Text;
using StatService.Core.Localization;
using StatService.Core.Orders;
using StatService.Delivery;

namespace StatService.Api.Results;

/// <summary>
/// The formats a delivered result is offered in. The stored JSON is the release; every format is given in the
/// order's language (code names included: releases are stored with Danish ones) and every format other than JSON
/// is rendered from it, so all downloads show the same protected numbers. The CSV stored with the result is served
/// as it is when it is already in the language asked for (English, no choices, no code renamed).
/// </summary>
public static class ResultDownloads
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> Formats = ["json", "csv", "xlsx", "html"];

    /// <summary>Null when the format is known (or absent, meaning JSON); otherwise the reason, for a 400 on 'format'.</summary>
    public static string? CheckFormat(string? format) =>
        format is null || Formats.Contains(format, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"Use one of: {string.Join(", ", Formats.Select(f => $"'{f}'"))} (json is the default).";

    /// <summary>Null when the language is one results are given in (or absent); otherwise the reason, for a 400 on 'lang'.</summary>
    public static string? CheckLanguage(string? language) =>
        language is null || language.Equals(Texts.Danish, StringComparison.OrdinalIgnoreCase) || language.Equals(Texts.English, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Use '{Texts.Danish}' or '{Texts.English}' (the order's own language is the default).";

    public static IResult Render(OrderResult result, Order order, ResultRequest request, OrderWords words, string fileStem)
    {
        // A reader may ask for another language than the order's (a page switched to English): names and words follow it.
        var language = request.Language is { } asked ? Texts.Normalise(asked) : OrderWords.LanguageOf(order);
        return (request.Format ?? "json").ToLowerInvariant() switch
        {
            "csv" => TypedResults.File(Encoding.UTF8.GetBytes(Csv(result, language, request, words)), "text/csv; charset=utf-8", $"{fileStem}.csv"),
            "xlsx" => TypedResults.File(ResultXlsxWriter.Write(words.Labelled(result.Json, language), language, words.Wording(order, language)), XlsxContentType, $"{fileStem}.xlsx"),
            // The report opens in the browser (printable); no attachment name.
            "html" => TypedResults.Text(ResultReportWriter.Write(words.Labelled(result.Json, language), language, words.Wording(order, language)), "text/html", Encoding.UTF8),
            _ => TypedResults.Text(words.Labelled(result.Json, language), "application/json", Encoding.UTF8),
        };
    }

    private static string Csv(OrderResult result, string language, ResultRequest request, OrderWords words)
    {
        var options = CsvOptions.For(language, request.Locale, request.Sep);
        var json = words.Labelled(result.Json, options.Language);
        return language == Texts.English && request.Locale is null && request.Sep is null && ReferenceEquals(json, result.Json)
            ? result.Csv
            : ReleaseCsvWriter.Write(json, options);
    }
}

/// <summary>A result download's choices: <c>format</c>, and for CSV <c>locale</c> (da | en) and <c>sep</c> (comma | semicolon | tab).</summary>
/// <param name="Language">'da' or 'en': the language of the result's names and words; the order's own when absent.</param>
public sealed record ResultRequest(string? Format, string? Locale = null, string? Sep = null, string? Language = null);
