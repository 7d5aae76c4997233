using StatService.TestSupport.Cohorts;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// Ways two custom-table orders of one sum (DDD, dispensings, contacts of the same medicines and period) that differ a
/// little disclose the sum of a small group, each as the orders that make it on a given extract: the variant is searched
/// with the independent computation so that the two orders' contributors differ by 1-4 persons and each has 5 or more.
/// </summary>
public sealed class MagnitudeAttackClasses(RegisterRows rows)
{
    public static readonly string[] Names = ["ddd-diagnosis-exclusion", "dispensings-medicine-exclusion", "contacts-index-date-moved"];

    private const string Diabetes = "DE11";
    private static readonly string[] Antidiabetics = ["A10"];

    public IReadOnlyList<AttackOrder> Orders(string name) => name switch
    {
        // By sex, so that the check's hidden cells need complements.
        "ddd-diagnosis-exclusion" => Differing(DiagnosisPrefixes().Where(c => c != Diabetes).Select(c =>
            (AttackOrder.CustomTable("ddd", Antidiabetics, [Diabetes], breakdown: ["sex"]),
             AttackOrder.CustomTable("ddd", Antidiabetics, [Diabetes], diagnosesExcluded: [c], breakdown: ["sex"])))),
        "dispensings-medicine-exclusion" => Differing(AtcPrefixes(4).Where(c => !c.StartsWith("A10", StringComparison.Ordinal)).Select(c =>
            (AttackOrder.CustomTable("dispensings", Antidiabetics, [Diabetes]), AttackOrder.CustomTable("dispensings", Antidiabetics, [Diabetes], medicationsExcluded: [c])))),
        // The same period (so the same quantity), the index date a day earlier: those who turn the minimum age that day drop out.
        "contacts-index-date-moved" => Differing(Enumerable.Range(18, 60).Select(age =>
            (AttackOrder.CustomTable("contacts", diagnoses: [Diabetes], ageMin: age), AttackOrder.CustomTable("contacts", diagnoses: [Diabetes], ageMin: age, indexDate: "2023-12-30")))),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown attack class."),
    };

    /// <summary>The persons an order's sum is over (value above 0), recomputed.</summary>
    public IReadOnlySet<string> Contributors(AttackOrder order) =>
        IndependentProducts.CohortTable("custom-table", rows, order.Spec).Records.Where(r => r.Value > 0).Select(r => r.Pnr).ToHashSet(StringComparer.Ordinal);

    /// <summary>The first pair whose contributors are both 5 or more and differ by 1-4 on one side.</summary>
    private AttackOrder[] Differing(IEnumerable<(AttackOrder A, AttackOrder B)> candidates)
    {
        var cache = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        IReadOnlySet<string> Of(AttackOrder o) => cache.TryGetValue(o.Body, out var s) ? s : cache[o.Body] = Contributors(o);
        foreach (var (a, b) in candidates.Take(150))
        {
            var (sa, sb) = (Of(a), Of(b));
            if (sa.Count >= 5 && sb.Count >= 5 && (Small(sa.Count(p => !sb.Contains(p))) || Small(sb.Count(p => !sa.Contains(p)))))
            {
                return [a, b];
            }
        }

        return [];
    }

    private static bool Small(int n) => n is >= 1 and <= 4;

    private IEnumerable<string> DiagnosisPrefixes() =>
        rows.Diagnoses.Where(d => d.Code.Length >= 4).GroupBy(d => d.Code[..4])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);

    private IEnumerable<string> AtcPrefixes(int length) =>
        rows.Dispensings.Where(d => d.Atc.Length >= length).GroupBy(d => d.Atc[..length])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
}
