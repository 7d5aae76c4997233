using System.Text;
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

    public static IResult Render(OrderResult result, Order order, ResultRequest request, OrderWords words, string fileStem)
    {
        var language = OrderWords.LanguageOf(order);
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
        return language == Core.Localization.Texts.English && request.Locale is null && request.Sep is null && ReferenceEquals(json, result.Json)
            ? result.Csv
            : ReleaseCsvWriter.Write(json, options);
    }
}

/// <summary>A result download's choices: <c>format</c>, and for CSV <c>locale</c> (da | en) and <c>sep</c> (comma | semicolon | tab).</summary>
public sealed record ResultRequest(string? Format, string? Locale = null, string? Sep = null);
