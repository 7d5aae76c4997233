namespace StatService.Core.Disclosure;

/// <summary>What a release says about its own protection. Delivered with every result.</summary>
public sealed record DisclosureSummary(
    string Rule,
    string Policy,
    int PrimarySuppressions,
    int SecondarySuppressions,
    bool AuditPassed,
    int AuditedCells)
{
    public int SuppressedCells => PrimarySuppressions + SecondarySuppressions;
}
