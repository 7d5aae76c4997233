using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using StatService.Core.Orders;
using StatService.Delivery;

namespace StatService.Api.Results;

/// <summary>
/// The formats a delivered result is offered in. The stored JSON is the release; every other format is
/// rendered from it (CSV is stored as delivered), so all downloads show the same protected numbers.
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

    public static IResult Render(OrderResult result, string? format, string fileStem) =>
        (format ?? "json").ToLowerInvariant() switch
        {
            "csv" => TypedResults.File(Encoding.UTF8.GetBytes(result.Csv), "text/csv; charset=utf-8", $"{fileStem}.csv"),
            "xlsx" => TypedResults.File(ResultXlsxWriter.Write(result.Json), XlsxContentType, $"{fileStem}.xlsx"),
            // The report opens in the browser (printable); no attachment name.
            "html" => TypedResults.Text(ResultReportWriter.Write(result.Json), "text/html", Encoding.UTF8),
            _ => TypedResults.Text(result.Json, "application/json", Encoding.UTF8),
        };
}
