using StatService.Core.Disclosure;
using StatService.Core.Localization;

namespace StatService.Delivery.Release;

/// <summary>The disclosure note in plain language, the same words in every deliverable of a language.</summary>
public static class DisclosureNote
{
    /// <summary>The English marker of a hidden cell (kept for readers of the English deliverables).</summary>
    public const string SuppressedMarker = "suppressed";

    public static string Marker(string language) => Texts.Get(language, "result.hiddenMark");

    public static IReadOnlyList<string> Paragraphs(string language) =>
        [.. new[] { "note.p1", "note.p2", "note.p3", "note.p4" }.Select(k => Texts.Get(language, k))];

    /// <summary>
    /// The note's paragraphs for one release: the general ones, that zeros are hidden too where the rule says so (the
    /// product's policy, or the ledger's choice for this release), and what the release was checked against.
    /// </summary>
    public static IEnumerable<string> For(ReleaseDisclosure disclosure, string language = Texts.English)
    {
        var paragraphs = Paragraphs(language).ToList();
        if (disclosure.Rule.Contains(DisclosurePolicy.ZerosSuppressedWords, StringComparison.Ordinal))
        {
            paragraphs.Insert(2, Texts.Get(language, "note.zerosHidden"));
        }

        return disclosure.EarlierReleasesCompared is { } compared ? paragraphs.Append(Differencing(compared, language)) : paragraphs;
    }

    /// <summary>
    /// Releases from one extract version are checked together, because two of them can reveal what neither does alone
    /// ("everyone with X" and "men with X" give "women with X"). The number of cells hidden for that reason is not told.
    /// </summary>
    public static string Differencing(int earlierReleases, string language = Texts.English) => Texts.Get(
        language,
        earlierReleases switch { 0 => "note.differencingNone", 1 => "note.differencingOne", _ => "note.differencingMany" },
        ("risk", Texts.Get(language, "note.risk")),
        ("n", earlierReleases));

    public static string InformationLoss(ReleaseTable table, string language = Texts.English) => Texts.Get(
        language,
        "note.loss",
        ("suppressed", table.SuppressedCount),
        ("cells", table.Cells.Count),
        ("share", table.SuppressedShare * 100));
}
