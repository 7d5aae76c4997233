using StatService.Core.Catalogue;

namespace StatService.Data.Tests.Cohorts;

/// <summary>
/// The patient-count definition written out in plain C#, straight from its specification, to check
/// the product SQL against: alive and resident at the index date; a non-retracted A or B diagnosis
/// under an included prefix in the period and none under an excluded one; optionally a dispensing
/// under an included ATC prefix in the period; age, sex and region filters; counted per cell.
/// </summary>
public static class IndependentCohortCount
{
    /// <summary>Counts keyed by (region, sex, ageband); margins are left to the caller.</summary>
    public static Dictionary<(string Region, string Sex, string AgeBand), long> Count(RegisterRows rows, CohortParameters p)
    {
        bool InPeriod(DateOnly d) => d >= p.Period.From && d <= p.Period.To;
        static bool Under(string code, IEnumerable<string> prefixes) => prefixes.Any(prefix => code.StartsWith(prefix, StringComparison.Ordinal));

        HashSet<string> PersonsWith(IReadOnlyList<string> prefixes) => rows.Diagnoses
            .Where(d => d.Type is "A" or "B" && d.Retracted == "Nej" && Under(d.Code, prefixes))
            .Select(d => rows.Contacts[d.ContactId])
            .Where(c => InPeriod(c.Start))
            .Select(c => c.Pnr)
            .ToHashSet();

        var diagnosed = PersonsWith(p.Diagnoses.Include);
        var excluded = p.Diagnoses.Exclude.Count == 0 ? [] : PersonsWith(p.Diagnoses.Exclude);
        var medicated = rows.Dispensings
            .Where(d => InPeriod(d.Date) && Under(d.Atc, p.Medications.Include))
            .Select(d => d.Pnr)
            .ToHashSet();

        var counts = new Dictionary<(string, string, string), long>();
        foreach (var person in rows.Persons)
        {
            var resident = person.BirthDate <= p.IndexDate && (person.Status == "01" || person.StatusDate > p.IndexDate);
            if (!resident || !diagnosed.Contains(person.Pnr) || excluded.Contains(person.Pnr))
            {
                continue;
            }

            if (p.Medications.Include.Count > 0 && !medicated.Contains(person.Pnr))
            {
                continue;
            }

            var age = AgeAt(person.BirthDate, p.IndexDate);
            var sex = person.Koen == "1" ? "male" : "female";
            if (age < p.Age.Min || age > p.Age.Max || (p.Sex is not null && p.Sex != sex) ||
                (p.Regions.Count > 0 && !p.Regions.Contains(person.Region!)))
            {
                continue;
            }

            var key = (person.Region!, sex, age >= 90 ? "90+" : $"{age / 10 * 10}-{age / 10 * 10 + 9}");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>Completed years: the birthday is reached on the same month and day (29 February on 1 March).</summary>
    public static int AgeAt(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return (date.Month, date.Day).CompareTo((birth.Month, birth.Day)) < 0 ? age - 1 : age;
    }
}
