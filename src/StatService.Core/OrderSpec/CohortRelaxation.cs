namespace StatService.Core.OrderSpec;

/// <summary>
/// The order with one restriction lifted (<see cref="CohortRelaxations"/>). <paramref name="Lift"/> names the attribute
/// filter lifted (age span, sex, regions), where that is what it lifts: a product whose query counts variants
/// (<c>cohort_variants</c>) counts such a relaxation in the order's own pass over the registers.
/// </summary>
public sealed record CohortRelaxation(CohortParameters Order, AttributeLift? Lift = null);

/// <summary>Which of the cohort's attribute filters a variant of the order leaves out.</summary>
public sealed record AttributeLift(bool AnyAge, bool AnySex, bool AnyRegion)
{
    /// <summary>The order itself: every filter kept.</summary>
    public static readonly AttributeLift None = new(false, false, false);

    public static readonly AttributeLift Age = new(true, false, false);

    public static readonly AttributeLift Sex = new(false, true, false);

    public static readonly AttributeLift Regions = new(false, false, true);
}
