namespace StatService.Core.Disclosure;

/// <summary>What a release says about its own protection. Delivered with every result.</summary>
public sealed record DisclosureSummary(
    string Rule,
    string Policy,
    int PrimarySuppressions,
    int SecondarySuppressions,
    int AuditedCells)
{
    public int SuppressedCells => PrimarySuppressions + SecondarySuppressions;

    public DisclosureMethod Method { get; init; } = DisclosureMethod.Suppression;

    /// <summary>False when published totals are not the sums of the published cells below them (cell-key perturbation).</summary>
    public bool Additive { get; init; } = true;

    /// <summary>The information loss per table and for the release; null only from a control that does not report it.</summary>
    public ReleaseLoss? Loss { get; init; }

    /// <summary>
    /// How many earlier releases of the same extract version the release's person counts were checked against (the
    /// release ledger); null when it was not checked (rounding, cell keys, measures other than persons).
    /// </summary>
    public int? EarlierReleasesCompared { get; init; }
}
