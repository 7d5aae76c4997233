namespace StatService.Core.Ledger;

/// <summary>A cell of a release that would disclose a small group by difference with an earlier release, and why.</summary>
public sealed record DifferencingFinding(int Table, int Cell, DifferencingFindingKind Kind);

public enum DifferencingFindingKind
{
    /// <summary>The cell is published: the difference follows exactly.</summary>
    Published,

    /// <summary>The cell is suppressed, but its interval leaves the difference provably below the threshold.</summary>
    TooNarrow,

    /// <summary>The cell is suppressed, but the release has no bounds to show that the difference is protected.</summary>
    Unverified,
}
