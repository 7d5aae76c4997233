using System.Globalization;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// Realistic orders, seeded: random perturbations of the products' README examples (codes added, removed or made longer,
/// exclusions added, the period's ends and the index date moved by days, age spans, regions, sex, occurrence), inside
/// the extract's years (2019-2023). Every order is valid as the order specification documents it.
/// </summary>
public sealed class OrderGrammar(int seed)
{
    private static readonly string[] Diagnoses = ["DE11", "DE10", "DI10", "DJ44", "DG35", "DI21", "DJ45", "DF32", "DM05", "DC50"];
    private static readonly string[] Medicines = ["A10", "A10B", "A10BA", "C09", "C10", "R03", "N06A", "J01", "J01C", "M01"];
    private static readonly string[] Regions = ["1081", "1082", "1083", "1084", "1085"];
    private static readonly string[][] Breakdowns = [[], ["region"], ["sex"], ["region", "sex"], ["region", "sex", "ageband"], ["sex", "ageband"]];

    private readonly Random _random = new(seed);

    public IEnumerable<AttackOrder> Orders(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    public AttackOrder Next()
    {
        var r = _random;
        var dx = Pick(Diagnoses);
        var to = Date(new DateOnly(2023, 12, 31).AddDays(-Shift()));
        var from = Date(new DateOnly(2021, 1, 1).AddDays(Shift()));
        switch (r.Next(10))
        {
            case 0:
                return AttackOrder.GroupProfile([dx], Date(new DateOnly(2019, 1, 1).AddDays(Shift())), "2021-12-31", ageMin: r.Next(2) == 0 ? 18 : null);
            case 1:
                return AttackOrder.IncidencePrevalence([dx], $"{2020 + r.Next(3)}-01-01", "2023-12-31", breakdown: Pick<string[]>([[], ["sex"], ["sex", "ageband"]]));
        }

        var diagnoses = r.Next(5) == 0 ? new[] { dx, Pick(Diagnoses) }.Distinct().ToArray() : [dx];
        var ageMin = r.Next(3) == 0 ? (int?)null : 18 + 5 * r.Next(8);
        return AttackOrder.PatientCount(
            diagnoses: diagnoses,
            diagnosesExcluded: r.Next(4) == 0 ? [Pick(Diagnoses.Where(d => d != dx).ToArray())] : null,
            medications: r.Next(4) == 0 ? [Pick(Medicines)] : null,
            medicationsExcluded: r.Next(6) == 0 ? [Pick(Medicines)] : null,
            from: from,
            to: to,
            indexDate: r.Next(4) == 0 ? Date(new DateOnly(2023, 12, 31).AddDays(-r.Next(3))) : to,
            ageMin: ageMin,
            ageMax: r.Next(4) == 0 ? (ageMin ?? 0) + 10 + 10 * r.Next(5) : null,
            sex: r.Next(5) == 0 ? Pick(["male", "female"]) : null,
            regions: r.Next(5) == 0 ? [Pick(Regions)] : null,
            occurrence: r.Next(4) == 0 ? "first-ever" : "any",
            breakdown: Pick(Breakdowns));
    }

    /// <summary>0 most often, else a day or a week.</summary>
    private int Shift() => _random.Next(4) switch { 0 => 1, 1 => 7, _ => 0 };

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
