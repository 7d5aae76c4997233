using System.Text.RegularExpressions;

namespace StatService.Browser.Tests.Browser;

/// <summary>
/// Words that betray a page in the wrong language or a machine name shown to a person: English words on a Danish
/// page, Danish words on an English page, and ids (product ids, actors, JSON paths, table names).
/// Code names (region and diagnosis names) are the same in both languages and are not checked.
/// </summary>
public static partial class PageWords
{
    public static readonly string[] English = ["the", "and", "of", "order", "orders", "table", "persons", "hidden", "suppressed", "received", "delivered", "by", "total", "status page", "download"];

    public static readonly string[] Danish = ["og", "af", "bestilling", "tabel", "personer", "skjult", "modtaget", "leveret", "i alt", "hent"];

    public static readonly string[] Ids = ["patient-count", "incidence-prevalence", "group-profile", "custom-table", "worker", "caseworker", "af form", "diagnoses.include", "period.from", "population-", "existing-cases", "first-ever", "ageband"];

    public static void AssertNone(string text, IEnumerable<string> words, string what)
    {
        var found = words.Where(w => Regex.IsMatch(text, $@"(?<![\p{{L}}\-.]){Regex.Escape(w)}(?![\p{{L}}\-])", RegexOptions.IgnoreCase)).ToArray();
        Assert.True(found.Length == 0, $"{what}: {string.Join(", ", found)}");
    }
}
