using System.Globalization;
using System.Text.Json.Nodes;
using StatService.Data.Extracts;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>bench order --period-year Y</c>: moves an order's period and index date by whole years so that the period ends
/// in year Y, then clips its start (and the index date) to the extract's first day of coverage. Deterministic, so the
/// same example measures the same cohort on every run and on every extract with that coverage (a national extract of
/// 2021-2023 cannot answer examples that ask for 2019).
/// </summary>
internal static class ExamplePeriodShift
{
    public static string MoveInto(string body, int year, ExtractManifest extract)
    {
        var root = JsonNode.Parse(body)?.AsObject() ?? throw new ArgumentException("The order is not a JSON object.");
        var parameters = root["parameters"]?.AsObject() ?? throw new ArgumentException("The order has no parameters to move.");
        var period = parameters["period"]?.AsObject() ?? throw new ArgumentException("The order has no period to move (--period-year).");
        var from = Date(period, "from");
        var to = Date(period, "to");
        var years = year - to.Year;
        var movedTo = to.AddYears(years);
        if (movedTo > extract.CoverageTo || movedTo < extract.CoverageFrom)
        {
            throw new ArgumentException(
                $"--period-year {year}: the period would end {movedTo:yyyy-MM-dd}, outside the extract's coverage {extract.CoverageFrom:yyyy-MM-dd} to {extract.CoverageTo:yyyy-MM-dd}.");
        }

        period["from"] = Text(Later(from.AddYears(years), extract.CoverageFrom));
        period["to"] = Text(movedTo);
        if (parameters["indexDate"] is JsonValue index && index.TryGetValue<string>(out var indexText))
        {
            parameters["indexDate"] = Text(Later(Parse(indexText, "indexDate").AddYears(years), extract.CoverageFrom));
        }

        return root.ToJsonString();
    }

    /// <summary>The period and index date of an order body, as the bench prints them.</summary>
    public static string Describe(string body)
    {
        var parameters = JsonNode.Parse(body)?["parameters"];
        var period = parameters?["period"];
        var index = parameters?["indexDate"]?.GetValue<string>();
        return period is null ? "no period" : $"period {period["from"]}..{period["to"]}{(index is null ? "" : $", index date {index}")}";
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Date(JsonObject period, string name) =>
        period[name] is JsonValue value && value.TryGetValue<string>(out var text) ? Parse(text, $"period.{name}")
        : throw new ArgumentException($"The order's period.{name} is not a date.");

    private static DateOnly Parse(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ArgumentException($"The order's {field} is not a date (yyyy-MM-dd).");

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
