using System.Globalization;
using StatService.TestSupport.Cohorts;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// The known ways two orders that differ a little disclose a small group, each as the orders that make it on a given
/// extract: the variant (a code, a day, a prefix) is searched with the independent computation so that the two orders
/// differ by 1-4 persons and each alone counts 5 or more. The searches read only the raw registers.
/// </summary>
public sealed class AttackClasses(RegisterRows rows)
{
    public static readonly string[] Names =
    [
        "diagnosis-exclusion", "second-inclusion-code", "medicine-longer-prefix", "medicine-exclusion", "procedure-exclusion",
        "period-end-moved", "period-start-moved", "index-date-moved", "first-ever-next-to-any", "incidence-next-to-first-ever-count",
        "group-profile-medicine-next-to-count",
    ];

    private const string Diabetes = "DE11";

    private static readonly string[] Regions = ["1081", "1082", "1083", "1084", "1085"];

    /// <summary>Diseases the generator models with their course (the products' examples use them).</summary>
    private static readonly string[] ModelledDiseases = ["DE11", "DI10", "DJ44", "DE10", "DJ45", "DF32", "DI21", "DG35", "DM05", "DC50"];

    public IReadOnlyList<AttackOrder> Orders(string name) => name switch
    {
        "diagnosis-exclusion" => Differing(
            DiagnosisPrefixes(null).Where(c => c != Diabetes).Select(c => (AttackOrder.PatientCount([Diabetes]), AttackOrder.PatientCount([Diabetes], diagnosesExcluded: [c])))),
        // Within a region and sex the persons a second code adds (any of the two will do) are few.
        "second-inclusion-code" => Differing(
            RareDiagnosisPrefixes().SelectMany(c => Regions.SelectMany(r => new[] { "male", "female" }.Select(sex =>
                (AttackOrder.PatientCount([Diabetes], sex: sex, regions: [r]), AttackOrder.PatientCount([Diabetes, c], sex: sex, regions: [r])))))),
        "medicine-longer-prefix" => Differing(
            AtcPrefixes(3).SelectMany(p => AtcPrefixes(4).Concat(AtcPrefixes(5)).Where(q => q.StartsWith(p, StringComparison.Ordinal))
                .Select(q => (AttackOrder.PatientCount(medications: [p]), AttackOrder.PatientCount(medications: [q]))))),
        "medicine-exclusion" => Differing(
            AtcPrefixes(4).Select(c => (AttackOrder.PatientCount([Diabetes]), AttackOrder.PatientCount([Diabetes], medicationsExcluded: [c])))),
        "procedure-exclusion" => Differing(
            ProcedurePrefixes().Select(c => (AttackOrder.PatientCount([Diabetes]), AttackOrder.PatientCount([Diabetes], proceduresExcluded: [c])))),
        "period-end-moved" => Differing(
            DiagnosisPrefixes(null).SelectMany(d => new[] { 1, 7 }.Select(days =>
                (AttackOrder.PatientCount([d]), AttackOrder.PatientCount([d], to: Day("2023-12-31", -days), indexDate: "2023-12-31"))))),
        "period-start-moved" => Differing(
            DiagnosisPrefixes(null).SelectMany(d => new[] { 1, 7 }.Select(days =>
                (AttackOrder.PatientCount([d]), AttackOrder.PatientCount([d], from: Day("2021-01-01", days)))))),
        // A day earlier, the persons who turn the minimum age that day (and those who died or moved that day) drop out.
        "index-date-moved" => Differing(
            ModelledDiseases.SelectMany(d => Enumerable.Range(18, 70).Select(age =>
                (AttackOrder.PatientCount([d], ageMin: age), AttackOrder.PatientCount([d], ageMin: age, indexDate: "2023-12-30"))))),
        "first-ever-next-to-any" => FirstEverNextToAny(),
        "incidence-next-to-first-ever-count" => IncidenceNextToCount(),
        "group-profile-medicine-next-to-count" => GroupProfileNextToCount(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown attack class."),
    };

    /// <summary>The persons a patient-count order counts (its grand total), recomputed.</summary>
    public IReadOnlySet<string> Persons(AttackOrder order) =>
        IndependentCohort.Members(rows, order.Spec).Select(m => m.Person.Pnr).ToHashSet(StringComparer.Ordinal);

    /// <summary>The first pair whose totals are both 5 or more and whose persons differ by 1-4 on one side.</summary>
    private AttackOrder[] Differing(IEnumerable<(AttackOrder A, AttackOrder B)> candidates)
    {
        var cache = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        IReadOnlySet<string> Of(AttackOrder o) => cache.TryGetValue(o.Body, out var s) ? s : cache[o.Body] = Persons(o);
        foreach (var (a, b) in candidates.Take(400))
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

    /// <summary>occurrence first-ever next to any, by region x sex: a cell where the two differ by 1-4, both 5 or more.</summary>
    private AttackOrder[] FirstEverNextToAny()
    {
        string[] by = [SpecCodes.Region, SpecCodes.Sex];
        foreach (var d in DiagnosisPrefixes(null).Take(80))
        {
            var any = AttackOrder.PatientCount([d], breakdown: by);
            var first = AttackOrder.PatientCount([d], occurrence: "first-ever", breakdown: by);
            var a = IndependentCohort.Members(rows, any.Spec).GroupBy(m => (m.Region, m.Sex)).ToDictionary(g => g.Key, g => g.Count());
            var f = IndependentCohort.Members(rows, first.Spec).GroupBy(m => (m.Region, m.Sex)).ToDictionary(g => g.Key, g => g.Count());
            if (a.Any(c => f.GetValueOrDefault(c.Key) >= 5 && Small(c.Value - f.GetValueOrDefault(c.Key))))
            {
                return [any, first];
            }
        }

        return [];
    }

    /// <summary>incidence-prevalence's new cases of 2022 next to a first-ever count over 2022 less its first days.</summary>
    private AttackOrder[] IncidenceNextToCount()
    {
        foreach (var d in DiagnosisPrefixes(null).Take(80))
        {
            var incidence = AttackOrder.IncidencePrevalence([d], "2022-01-01", "2022-12-31");
            var newCases = IndependentProducts.IncidencePrevalence(rows, incidence.Spec).Single(t => t.Name == "new-cases-2022").PersonsAt([]);
            foreach (var days in new[] { 1, 7, 14 })
            {
                var count = AttackOrder.PatientCount([d], from: Day("2022-01-01", days), to: "2022-12-31", ageMin: null, occurrence: "first-ever");
                var persons = Persons(count);
                if (persons.Count >= 5 && Small(newCases.Count(p => !persons.Contains(p))))
                {
                    return [incidence, count];
                }
            }
        }

        return [];
    }

    /// <summary>group-profile's medicine-group cell next to a patient-count restricted to a medicine inside the group.</summary>
    private AttackOrder[] GroupProfileNextToCount()
    {
        foreach (var d in DiagnosisPrefixes(null).Take(60))
        {
            var profile = AttackOrder.GroupProfile([d], "2021-01-01", "2023-12-31");
            var medication = IndependentProducts.GroupProfile(rows, profile.Spec, _ => null).Single(t => t.Name == "medication");
            foreach (var group in medication.Records.Select(r => r.Codes[0]).Where(c => c != SpecCodes.Other).Distinct().Order(StringComparer.Ordinal))
            {
                var users = medication.PersonsAt([group]);
                if (users.Count < 5)
                {
                    continue;
                }

                foreach (var q in AtcPrefixes(4).Concat(AtcPrefixes(5)).Where(q => q.StartsWith(group, StringComparison.Ordinal)))
                {
                    var count = AttackOrder.PatientCount([d], medications: [q], from: "2021-01-01", to: "2023-12-31");
                    var persons = Persons(count);
                    if (persons.Count >= 5 && Small(users.Count(p => !persons.Contains(p))))
                    {
                        return [profile, count];
                    }
                }
            }
        }

        return [];
    }

    /// <summary>Three-character diagnosis prefixes that 5 to 60 persons have, rarest first: few of them in one region and sex.</summary>
    private IEnumerable<string> RareDiagnosisPrefixes() =>
        rows.Diagnoses.Where(d => d.Code.Length >= 4 && d.Code[..4] != Diabetes).GroupBy(d => d.Code[..4])
            .Select(g => (Code: g.Key, Persons: g.Select(d => rows.Contacts[d.ContactId].Pnr).Distinct().Count())).Where(g => g.Persons is >= 5 and <= 60)
            .OrderBy(g => g.Persons).ThenBy(g => g.Code, StringComparer.Ordinal).Select(g => g.Code);

    /// <summary>Three-character diagnosis prefixes (DE10, ...) by how many persons have them, most first; under a prefix if given.</summary>
    private IEnumerable<string> DiagnosisPrefixes(string? under) =>
        rows.Diagnoses.Where(d => d.Code.Length >= 4 && (under is null || d.Code.StartsWith(under, StringComparison.Ordinal)))
            .GroupBy(d => d.Code[..4]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)
            .Where(c => under is null || c != under);

    private IEnumerable<string> AtcPrefixes(int length) =>
        rows.Dispensings.Where(d => d.Atc.Length >= length).GroupBy(d => d.Atc[..length])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);

    private IEnumerable<string> ProcedurePrefixes() =>
        rows.Procedures.Where(p => p.Code.Length >= 4).GroupBy(p => p.Code[..4])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);

    private static string Day(string date, int days) =>
        DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
