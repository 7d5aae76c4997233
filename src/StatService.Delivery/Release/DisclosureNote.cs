using System.Globalization;

namespace StatService.Delivery.Release;

/// <summary>The disclosure note in plain language, the same words in every deliverable.</summary>
public static class DisclosureNote
{
    public const string SuppressedMarker = "suppressed";

    public static readonly IReadOnlyList<string> Paragraphs =
    [
        "These tables count real people, so some numbers are hidden to protect them. A cell marked \"suppressed\" holds a number that is not shown.",
        "Small counts (fewer than 5 people, but not 0) are always hidden, because someone who knows a few of the people could recognise them. Some larger numbers are hidden too, so that the small ones cannot be worked out by subtracting from the totals.",
        "A suppressed cell may hold any number, small or large. Totals (\"total\" rows and columns) include the hidden cells: nothing is left out of a total.",
        "Every release is checked by an independent audit that tries to work out each hidden number from the published ones; a release is delivered only if no hidden number can be pinned down or shown to be below 5.",
    ];

    /// <summary>The note's paragraphs for one release: the general ones, and what the release was checked against.</summary>
    public static IEnumerable<string> For(ReleaseDisclosure disclosure) =>
        disclosure.EarlierReleasesCompared is { } compared ? Paragraphs.Append(Differencing(compared)) : Paragraphs;

    /// <summary>
    /// Releases from one extract version are checked together, because two of them can reveal what neither does alone
    /// ("everyone with X" and "men with X" give "women with X"). The number of cells hidden for that reason is not told.
    /// </summary>
    public static string Differencing(int earlierReleases) => earlierReleases == 0
        ? $"{DifferencingRisk} No earlier release from the same register extract counts persons defined as in these tables apart from sex, age and region, so there was nothing to subtract."
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{DifferencingRisk} These tables were checked against the person counts of {earlierReleases} earlier {(earlierReleases == 1 ? "release" : "releases")} from the same register extract whose definitions differ at most in sex, age and region; numbers that would reveal fewer than 5 people that way are hidden like any other, and which ones is not told.");

    private const string DifferencingRisk =
        "Numbers released earlier can reveal a small group when subtracted from numbers in these tables (everyone with a diagnosis minus the men with it gives the women).";

    public static string InformationLoss(ReleaseTable table) => string.Create(
        CultureInfo.InvariantCulture,
        $"{table.SuppressedCount} of {table.Cells.Count} cells suppressed ({table.SuppressedShare * 100:0.0} %)");
}
