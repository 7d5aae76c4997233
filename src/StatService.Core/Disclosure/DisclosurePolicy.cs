namespace StatService.Core.Disclosure;

/// <summary>
/// How a product's tables are protected. The Danish default: counts 1..4 are sensitive ("&lt;5"),
/// zeros are published, and every suppressed cell must stay unpinned and must not be provably below 5.
/// </summary>
public sealed record DisclosurePolicy
{
    public static DisclosurePolicy DanishDefault { get; } = new();

    public string Name { get; init; } = "danish-default";

    /// <summary>Which protection the release gets: cell suppression (the default), rounding, or cell-key perturbation.</summary>
    public DisclosureMethod Method { get; init; } = DisclosureMethod.Suppression;

    /// <summary>Counts from 1 up to and including this value are primary suppressions.</summary>
    public int MaxSensitiveCount { get; init; } = 4;

    /// <summary>When false, zero cells are published and an attacker knows every suppressed cell is at least 1.</summary>
    public bool ZerosSensitive { get; init; }

    /// <summary>
    /// Zeros are published unless the complementary suppression needs one hidden: they are never primaries, but a reader can
    /// no longer take a hidden cell to be at least 1. The ledger's fallback where hidden cells' floors would pin a group.
    /// </summary>
    public bool ZerosMayBeHidden { get; init; }

    /// <summary>Whether a hidden cell may hold 0 (zeros sensitive or hideable): then a reader knows no floor of a hidden cell.</summary>
    public bool HiddenMayBeZero => ZerosSensitive || ZerosMayBeHidden;

    /// <summary>Dominance rules for magnitude tables (sums such as defined daily doses); empty for count tables.</summary>
    public DominanceRules Dominance { get; init; } = DominanceRules.None;

    /// <summary>
    /// Extra width, in percent of a suppressed cell's value, that the attacker's interval must have on each side
    /// (tau-Argus' protection level). 0 keeps the default: the interval must reach the threshold and never collapse to one value.
    /// </summary>
    public double ProtectionLevelPercent { get; init; }

    /// <summary>What the secondary suppression minimises.</summary>
    public InformationLoss Loss { get; init; } = InformationLoss.CellCount;

    /// <summary>
    /// The optimisation model's effort for the secondary suppression of one release, in the solver's deterministic seconds
    /// (zero: the heuristic alone). Effort is counted, not timed, so the same tables get the same pattern on any machine;
    /// the wall clock only guards, failing a release that takes far longer than its effort should.
    /// </summary>
    public TimeSpan SolverTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Settings for <see cref="DisclosureMethod.Rounding"/>.</summary>
    public RoundingSettings Rounding { get; init; } = RoundingSettings.OpenSafely;

    /// <summary>Settings for <see cref="DisclosureMethod.CellKey"/>.</summary>
    public CellKeySettings CellKey { get; init; } = CellKeySettings.Default;

    /// <summary>The smallest value an attacker's upper bound of a suppressed cell must reach.</summary>
    public int Threshold => MaxSensitiveCount + 1;

    /// <summary>The threshold rule: counts 1..<see cref="MaxSensitiveCount"/>, and 0 when zeros are sensitive.</summary>
    /// <summary>
    /// What a reader knows of a hidden cell counting <paramref name="count"/> persons: at least 1 where zeros are
    /// published (a hidden cell is then never empty), else nothing.
    /// </summary>
    public long HiddenFloor(long count) => !HiddenMayBeZero && count > 0 ? 1 : 0;

    public bool IsSensitiveCount(long value) => value == 0 ? ZerosSensitive : value <= MaxSensitiveCount;

    /// <summary>
    /// The smallest ceiling an attacker's interval of a sensitive count must reach: the threshold and, with a protection
    /// level of p %, p % above the count (at least one more).
    /// </summary>
    public long CeilingNeeded(long value) =>
        ProtectionLevelPercent > 0
            ? Math.Max(Threshold, value + Math.Max(1, (long)Math.Ceiling(value * ProtectionLevelPercent / 100 - 1e-9)))
            : Threshold;

    /// <summary>What the rule says when hidden cells may be zero (readers of the rule, the deliverables' notes, look for it).</summary>
    public const string ZerosSuppressedWords = "zeros are suppressed";

    /// <summary>The rule in words, as delivered with every release.</summary>
    public string Describe() => Method switch
    {
        DisclosureMethod.Rounding =>
            $"Counts 1-{Rounding.RedactAtOrBelow} are redacted (shown as suppressed); every other count is rounded to the nearest " +
            $"multiple of {Rounding.Base}; totals are the sums of the rounded, published cells below them, so a total may differ " +
            "from the true total and redacted cells are left out of it.",
        DisclosureMethod.CellKey =>
            $"Every cell, totals included, has noise of at most {CellKey.MaxNoise} added or subtracted (cell-key method: the noise " +
            "depends only on the persons a cell counts, so the same persons always get the same noise, in every order); " +
            $"cells below {CellKey.SmallCountThreshold} after noise are suppressed; totals are perturbed on their own, " +
            "so the cells of a table do not add up to its totals.",
        _ =>
            $"Counts 1-{MaxSensitiveCount} are suppressed (shown as <{Threshold}); " +
            (ZerosSensitive ? ZerosSuppressedWords + "; "
                : ZerosMayBeHidden ? ZerosSuppressedWords + " where complementary suppression needs them " +
                    $"or where they would describe a group of 1-{MaxSensitiveCount} persons, so a suppressed cell may be 0; "
                : "zeros are published; ") +
            DescribeDominance() +
            "complementary cells are suppressed so that no suppressed cell can be recomputed or shown to be below " +
            $"{Threshold} from the published cells and margins (verified by a linear-programming audit).",
    };

    private string DescribeDominance()
    {
        if (Dominance.IsEmpty)
        {
            return string.Empty;
        }

        var rules = Dominance.Nk.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the {r.N} largest contributions exceed {r.K} % of the cell"))
            .Concat(Dominance.PPercent is { } p
                ? [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the cell less its two largest contributions is below {p} % of the largest")]
                : [])
            .ToArray();
        return $"sums are also suppressed where {string.Join(" or ", rules)}, or where fewer than {Dominance.ContributionsNeeded} persons contribute; ";
    }
}
