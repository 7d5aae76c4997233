using System.Globalization;
using StatService.Core.Catalogue;
using StatService.Core.Localization;

namespace StatService.Core.OrderSpec;

/// <summary>
/// First-ever occurrence is the first qualifying event in the extract, not in a person's life: in a year with less
/// than <see cref="Years"/> full calendar year of the extract before it, everyone already known with the condition
/// has their first contact in the data and looks new, so new cases (and incidence) of that year are far too high.
/// Orders are not refused for it; their deliverables say so in words.
/// </summary>
public static class IncidenceLookBack
{
    /// <summary>Full calendar years of the extract a year needs before it for its new cases to be trusted.</summary>
    public const int Years = 1;

    /// <summary>The years of the order's period whose new cases lack the look-back; empty unless the order counts first-ever occurrence.</summary>
    public static IReadOnlyList<int> YearsWithout(CohortParameters parameters, ExtractInfo extract)
    {
        if (parameters.Occurrence != Occurrence.FirstEver)
        {
            return [];
        }

        var firstTrusted = FirstTrustedYear(extract);
        return ProductYears.Of(parameters.Period).Where(year => year < firstTrusted).ToArray();
    }

    /// <summary>The first calendar year with <see cref="Years"/> full years of the extract before it.</summary>
    public static int FirstTrustedYear(ExtractInfo extract) =>
        (extract.CoverageFrom.DayOfYear == 1 ? extract.CoverageFrom.Year : extract.CoverageFrom.Year + 1) + Years;

    /// <summary>The warning in words, in <paramref name="language"/>; null when every year of the period has its look-back.</summary>
    public static string? Warning(CohortParameters parameters, ExtractInfo extract, string language)
    {
        var years = YearsWithout(parameters, extract);
        if (years.Count == 0)
        {
            return null;
        }

        var named = string.Join(Texts.Get(language, "definition.and"), years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        return Texts.Get(
            language,
            "notes.lookBack",
            ("from", OrderDefinitionText.LongDate(extract.CoverageFrom, language)),
            ("years", named),
            ("trusted", FirstTrustedYear(extract).ToString(CultureInfo.InvariantCulture)));
    }
}
