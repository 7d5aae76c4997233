using System.Globalization;
using System.Text.Json;
using StatService.Core.Catalogue;

namespace StatService.Core.OrderSpec;

/// <summary>
/// Reads when an order looks: <c>occurrence</c> (any event in the period, or the first ever), the <c>period</c> and
/// the <c>indexDate</c>, both inside the extract's coverage and the period within the product's span.
/// </summary>
internal static class PeriodReader
{
    public static string? ReadOccurrence(JsonElement parameters, BodyField root)
    {
        var field = root.Field("occurrence");
        if (field.In(parameters) is not { } element)
        {
            return Occurrence.Any;
        }

        var value = BodyField.LowerText(element);
        if (value is not null && Occurrence.All.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        field.Error("Must be \"any\" (a qualifying event in the period) or \"first-ever\" (first met the criteria in the period: incident).");
        return null;
    }

    public static Period? ReadPeriod(JsonElement parameters, ExtractInfo extract, ProductLimits limits, BodyField root)
    {
        var field = root.Field("period");
        if (field.In(parameters) is not { } element)
        {
            field.Error("Required: an object with 'from' and 'to' dates (yyyy-MM-dd).");
            return null;
        }

        if (!field.ExpectObject(element, ["from", "to"]))
        {
            return null;
        }

        var from = ReadRequiredDate(element, field.Field("from"));
        var to = ReadRequiredDate(element, field.Field("to"));
        if (from is null || to is null)
        {
            return null;
        }

        if (from > to)
        {
            field.Error("'from' must not be after 'to'.");
            return null;
        }

        var outside = $"Must lie within the extract's coverage {extract.CoverageFrom:yyyy-MM-dd} to {extract.CoverageTo:yyyy-MM-dd} (extract {extract.Version}).";
        if (from < extract.CoverageFrom || from > extract.CoverageTo)
        {
            field.Field("from").Error(outside);
        }

        if (to < extract.CoverageFrom || to > extract.CoverageTo)
        {
            field.Field("to").Error(outside);
        }

        var years = to.Value.Year - from.Value.Year + 1;
        if (years > limits.MaxPeriodYears)
        {
            field.Error($"The period spans {years} calendar years; this product allows at most {limits.MaxPeriodYears}.");
        }

        return new Period(from.Value, to.Value);
    }

    /// <summary>The index date the order names, else the period's end; inside the extract's coverage.</summary>
    public static DateOnly? ReadIndexDate(JsonElement parameters, Period? period, ExtractInfo extract, BodyField root)
    {
        var field = root.Field("indexDate");
        var indexDate = field.In(parameters) is { } element ? ReadDate(element, field) : period?.To;
        if (indexDate is { } index && (index < extract.CoverageFrom || index > extract.CoverageTo))
        {
            field.Error($"Must lie within the extract's coverage {extract.CoverageFrom:yyyy-MM-dd} to {extract.CoverageTo:yyyy-MM-dd}.");
        }

        return indexDate;
    }

    private static DateOnly? ReadRequiredDate(JsonElement parent, BodyField field)
    {
        if (field.In(parent) is { } element)
        {
            return ReadDate(element, field);
        }

        field.Error("Required: a date (yyyy-MM-dd).");
        return null;
    }

    private static DateOnly? ReadDate(JsonElement element, BodyField field)
    {
        if (element.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        field.Error("Must be a date written yyyy-MM-dd.");
        return null;
    }
}
