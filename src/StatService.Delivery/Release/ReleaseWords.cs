using System.Text.RegularExpressions;
using StatService.Core.Localization;

namespace StatService.Delivery.Release;

/// <summary>The names a person reads for a release's tables, dimensions and measure, in the order's language.</summary>
public static partial class ReleaseWords
{
    /// <summary>A table's title: <c>population-2019</c> reads "Indbyggere 2019"; an unknown table keeps its name.</summary>
    public static string Table(string language, string name)
    {
        var match = PerYear().Match(name);
        var baseName = match.Success ? match.Groups[1].Value : name;
        if (!Texts.Of(language).TryGetValue($"table.{baseName}", out var title))
        {
            return name;
        }

        return match.Success ? Texts.Get(language, "table.withYear", ("table", title), ("year", match.Groups[2].Value)) : title;
    }

    public static string Dimension(string language, string name) =>
        Texts.Of(language).TryGetValue($"dimension.{name}", out var text) ? text : name;

    /// <summary>The measure as written inside a sentence or heading: "personer", "definerede døgndoser (DDD)".</summary>
    public static string Measure(string language, string measure) =>
        Texts.Of(language).TryGetValue($"measure.{measure}", out var text) ? char.ToLowerInvariant(text[0]) + text[1..] : measure;

    /// <summary>When the release was made, in words: "6. december 2026 kl. 05:11 UTC"; text that is not a time is kept.</summary>
    public static string Created(string language, DateTimeOffset createdAt) =>
        Texts.Get(
            language,
            "date.withTime",
            ("date", Core.OrderSpec.OrderDefinitionText.LongDate(DateOnly.FromDateTime(createdAt.UtcDateTime), language)),
            ("time", createdAt.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// The disclosure rule is written by the policy in English; it is shown only to English readers (the note's
    /// paragraphs say the same in every language).
    /// </summary>
    public static bool ShowsRule(string language) => Texts.Normalise(language) == Texts.English;

    [GeneratedRegex(@"^(.+)-(\d{4})$")]
    private static partial Regex PerYear();
}
