using System.Text.RegularExpressions;

namespace StatService.Browser.Tests.Browser;

/// <summary>
/// Words that betray a page in the wrong language or a machine name shown to a person: English words on a Danish
/// page, Danish words on an English page, and ids (product ids, actors, JSON paths, table names).
/// Code names are checked where they are words of a language (sexes, ages, totals); the names of regions and
/// diagnoses are proper names and are checked by the tests that read them.
/// </summary>
public static partial class PageWords
{
    public static readonly string[] English = ["the", "and", "of", "order", "orders", "table", "persons", "hidden", "suppressed", "received", "delivered", "by", "total", "status page", "download"];

    public static readonly string[] Danish = ["og", "af", "bestilling", "tabel", "personer", "skjult", "modtaget", "leveret", "i alt", "hent", "kvinder", "mænd", "år"];

    public static readonly string[] Ids = ["patient-count", "incidence-prevalence", "group-profile", "custom-table", "worker", "caseworker", "af form", "diagnoses.include", "period.from", "population-", "existing-cases", "first-ever", "ageband"];

    /// <summary>
    /// The ids an English page must not show: "caseworker" is an English word there ("by a caseworker"), so the
    /// actors are looked for as the service stores them.
    /// </summary>
    public static readonly string[] IdsInEnglish = [.. Ids.Except(["caseworker", "worker"]), "by caseworker", "by worker", "by form", "caseworker:"];

    public static void AssertNone(string text, IEnumerable<string> words, string what)
    {
        // Each word found is shown where it stands, so the text to fix can be found.
        var found = words
            .Select(w => Regex.Match(text, $@"(?<![\p{{L}}\-.]){Regex.Escape(w)}(?![\p{{L}}\-])", RegexOptions.IgnoreCase))
            .Where(m => m.Success)
            .Select(m => $"'{m.Value}' in \"…{text[Math.Max(0, m.Index - 40)..Math.Min(text.Length, m.Index + m.Length + 40)]}…\"")
            .ToArray();
        Assert.True(found.Length == 0, $"{what}: {string.Join("; ", found)}");
    }
}
