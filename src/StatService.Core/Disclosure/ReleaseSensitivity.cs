namespace StatService.Core.Disclosure;

/// <summary>
/// What makes cells of one release sensitive beyond the policy's threshold rule: facts of this release, not settings, so
/// they travel beside the <see cref="DisclosurePolicy"/> and never inside it.
/// </summary>
/// <param name="Dominance">Cells the dominance rules found sensitive (magnitude tables), by table position; null for none.</param>
/// <param name="Differencing">
/// Cells that would disclose a small group by difference with earlier releases (the release ledger), with how far the
/// attacker's interval of each must reach.
/// </param>
public sealed record ReleaseSensitivity(SensitiveCells? Dominance, DifferencingPrimaries Differencing)
{
    public static ReleaseSensitivity None { get; } = new(null, DifferencingPrimaries.None);
}
