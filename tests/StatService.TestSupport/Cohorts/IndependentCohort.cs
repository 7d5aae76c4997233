namespace StatService.TestSupport.Cohorts;

/// <summary>A cohort member with their attributes at the index date.</summary>
public sealed record CohortMember(PersonRow Person, string Region, string Sex, int Age, string AgeBand, DateOnly EntryDate);

/// <summary>
/// Order spec v1's cohort written out in plain C#, straight from its specification, over the raw
/// register rows, to check the product SQL against (never the same SQL):
/// each criterion type with include prefixes must be met; a type's date is the person's first
/// qualifying event in the period ("any") or in the extract up to the period's end ("first-ever");
/// the entry date is the latest of them and must lie in the period; no excluded event in the period;
/// only counted (chosen types, not retracted) diagnoses; filters at the index date.
/// </summary>
public static class IndependentCohort
{
    public static List<CohortMember> Members(RegisterRows rows, CohortSpec p) =>
        Members(rows, p, Qualified(rows, p), p.IndexDate, p.AliveAndResident, entryFrom: p.From);

    /// <summary>Persons meeting the inclusion criteria and no exclusion, with their entry date (no lower bound on it).</summary>
    public static Dictionary<string, DateOnly> Qualified(RegisterRows rows, CohortSpec p)
    {
        var firstEver = p.Occurrence == CohortSpec.FirstEver;
        bool Counts(DateOnly date) => date <= p.To && (firstEver || date >= p.From);
        bool InPeriod(DateOnly date) => date >= p.From && date <= p.To;

        var firstDates = new List<Dictionary<string, DateOnly>>();
        if (p.Diagnoses.Include.Count > 0)
        {
            firstDates.Add(First(DiagnosisEvents(rows, p, p.Diagnoses.Include).Where(e => Counts(e.Date))));
        }

        if (p.Procedures.Include.Count > 0)
        {
            firstDates.Add(First(ProcedureEvents(rows, p.Procedures.Include).Where(e => Counts(e.Date))));
        }

        if (p.Medications.Include.Count > 0)
        {
            firstDates.Add(First(rows.Dispensings.Where(d => Under(d.Atc, p.Medications.Include)).Select(d => (d.Pnr, d.Date)).Where(e => Counts(e.Date))));
        }

        var excluded = DiagnosisEvents(rows, p, p.Diagnoses.Exclude)
            .Concat(ProcedureEvents(rows, p.Procedures.Exclude))
            .Concat(rows.Dispensings.Where(d => Under(d.Atc, p.Medications.Exclude)).Select(d => (d.Pnr, d.Date)))
            .Where(e => InPeriod(e.Date))
            .Select(e => e.Pnr)
            .ToHashSet();

        var qualified = new Dictionary<string, DateOnly>();
        if (firstDates.Count == 0)
        {
            return qualified;
        }

        foreach (var pnr in firstDates[0].Keys)
        {
            if (!excluded.Contains(pnr) && firstDates.All(f => f.ContainsKey(pnr)))
            {
                qualified[pnr] = firstDates.Max(f => f[pnr]);
            }
        }

        return qualified;
    }

    public static List<CohortMember> Members(
        RegisterRows rows, CohortSpec p, Dictionary<string, DateOnly> qualified, DateOnly at, bool aliveAndResident, DateOnly? entryFrom)
    {
        var members = new List<CohortMember>();
        foreach (var person in rows.Persons)
        {
            if (!qualified.TryGetValue(person.Pnr, out var entry) || (entryFrom is { } from && entry < from) || person.BirthDate > at)
            {
                continue;
            }

            if (aliveAndResident && !ResidentAt(person, at))
            {
                continue;
            }

            var age = AgeAt(person.BirthDate, at);
            var sex = person.Koen == "1" ? "male" : "female";
            if ((p.AgeMin is { } min && age < min) || (p.AgeMax is { } max && age > max) || (p.Sex is not null && p.Sex != sex) ||
                (p.Regions.Count > 0 && !p.Regions.Contains(person.Region!)))
            {
                continue;
            }

            members.Add(new CohortMember(person, person.Region!, sex, age, SpecCodes.AgeBandOf(age), entry));
        }

        return members;
    }

    /// <summary>Alive and resident: resident now and since on or before the date, or left or died after it.</summary>
    public static bool ResidentAt(PersonRow person, DateOnly date) =>
        person.Status == "01" ? person.StatusDate is null || person.StatusDate <= date : person.StatusDate > date;

    /// <summary>Completed years: the birthday is reached on the same month and day (29 February on 1 March).</summary>
    public static int AgeAt(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return (date.Month, date.Day).CompareTo((birth.Month, birth.Day)) < 0 ? age - 1 : age;
    }

    public static bool Under(string code, IEnumerable<string> prefixes) => prefixes.Any(prefix => code.StartsWith(prefix, StringComparison.Ordinal));

    private static IEnumerable<(string Pnr, DateOnly Date)> DiagnosisEvents(RegisterRows rows, CohortSpec p, IReadOnlyList<string> prefixes) =>
        prefixes.Count == 0
            ? []
            : rows.Diagnoses
                .Where(d => p.DiagnosisTypes.Contains(d.Type) && d.Retracted == "Nej" && Under(d.Code, prefixes))
                .Select(d => rows.Contacts[d.ContactId])
                .Select(c => (c.Pnr, c.Start));

    private static IEnumerable<(string Pnr, DateOnly Date)> ProcedureEvents(RegisterRows rows, IReadOnlyList<string> prefixes) =>
        prefixes.Count == 0
            ? []
            : rows.Procedures.Where(x => Under(x.Code, prefixes)).Select(x => (rows.Contacts[x.ContactId].Pnr, x.Date));

    private static Dictionary<string, DateOnly> First(IEnumerable<(string Pnr, DateOnly Date)> events)
    {
        var first = new Dictionary<string, DateOnly>();
        foreach (var (pnr, date) in events)
        {
            if (!first.TryGetValue(pnr, out var known) || date < known)
            {
                first[pnr] = date;
            }
        }

        return first;
    }
}
