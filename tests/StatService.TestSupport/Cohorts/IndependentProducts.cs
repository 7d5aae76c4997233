namespace StatService.TestSupport.Cohorts;

/// <summary>
/// The products' tables computed in plain C# from their README definitions over the raw register rows,
/// to compare with what the product SQL returns.
/// </summary>
public static class IndependentProducts
{
    /// <summary>patient-count and custom-table: the cohort by the order's breakdowns, with the order's measure per person.</summary>
    public static ExpectedTable CohortTable(string name, RegisterRows rows, CohortSpec p)
    {
        var members = IndependentCohort.Members(rows, p);
        var pnrs = members.Select(m => m.Person.Pnr).ToHashSet();
        bool InPeriod(DateOnly d) => d >= p.From && d <= p.To;
        var dispensings = rows.Dispensings
            .Where(d => pnrs.Contains(d.Pnr) && InPeriod(d.Date) && (p.MeasureAtc.Count == 0 || IndependentCohort.Under(d.Atc, p.MeasureAtc)))
            .GroupBy(d => d.Pnr)
            .ToDictionary(g => g.Key, g => g.ToList());
        var contacts = rows.Contacts.Values.Where(c => pnrs.Contains(c.Pnr) && InPeriod(c.Start)).GroupBy(c => c.Pnr).ToDictionary(g => g.Key, g => (long)g.Count());

        long ValueOf(string pnr) => p.Measure switch
        {
            CohortSpec.Persons => 1,
            CohortSpec.Contacts => contacts.GetValueOrDefault(pnr),
            CohortSpec.Dispensings => dispensings.TryGetValue(pnr, out var list) ? list.Count : 0,
            CohortSpec.Ddd => dispensings.TryGetValue(pnr, out var list)
                ? (long)Math.Round(list.Where(d => rows.DddPerPack[d.Vnr] is not null).Sum(d => Milli(d.Packs) * Milli(rows.DddPerPack[d.Vnr]!.Value)), MidpointRounding.AwayFromZero)
                : 0,
            _ => throw new ArgumentOutOfRangeException(nameof(p), p.Measure, "Unknown measure."),
        };

        return new ExpectedTable(name, p.Breakdown,
            members.Select(m => new ExpectedRecord(m.Person.Pnr, p.Breakdown.Select(b => Attribute(m, b)).ToArray(), ValueOf(m.Person.Pnr))).ToArray());
    }

    /// <summary>A register amount to three decimals, summed exactly (as the product's SQL does in DECIMAL).</summary>
    private static decimal Milli(double value) => Math.Round((decimal)value, 3, MidpointRounding.AwayFromZero);

    /// <summary>group-profile's six tables; <paramref name="chapterOf"/> gives the ICD-10 chapter of an SKS diagnosis code (null: none).</summary>
    public static IReadOnlyList<ExpectedTable> GroupProfile(RegisterRows rows, CohortSpec p, Func<string, string?> chapterOf)
    {
        var members = IndependentCohort.Members(rows, p);
        var pnrs = members.Select(m => m.Person.Pnr).ToHashSet();
        bool InPeriod(DateOnly d) => d >= p.From && d <= p.To;
        var years = (p.To.DayNumber - p.From.DayNumber + 1) / 365.25;

        var contactCounts = rows.Contacts.Values.Where(c => pnrs.Contains(c.Pnr) && InPeriod(c.Start)).GroupBy(c => c.Pnr).ToDictionary(g => g.Key, g => g.Count());
        var contacts = members.Select(m => new ExpectedRecord(m.Person.Pnr,
            [SpecCodes.ContactBandOf(contactCounts.GetValueOrDefault(m.Person.Pnr) / years)], 1)).ToArray();

        var outcome = members.Select(m => new ExpectedRecord(m.Person.Pnr,
            [m.Person.Status != "90" ? SpecCodes.Alive
                : rows.DeathCauses.TryGetValue(m.Person.Pnr, out var cause) && chapterOf("D" + cause) is { } chapter ? chapter : SpecCodes.UnknownCause],
            1)).ToArray();

        var used = rows.Dispensings
            .Where(d => pnrs.Contains(d.Pnr) && InPeriod(d.Date))
            .Select(d => (d.Pnr, Group: d.Atc[..Math.Min(d.Atc.Length, p.MedicationLevel == 3 ? 3 : 4)]))
            .Distinct()
            .ToList();
        var top = used.GroupBy(u => u.Group)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(p.MedicationTop).Select(g => g.Key).ToHashSet();
        var medication = used.Select(u => new ExpectedRecord(u.Pnr, [top.Contains(u.Group) ? u.Group : SpecCodes.Other], 1)).ToArray();

        var comorbidity = rows.Diagnoses
            .Where(d => d.Type is "A" or "B" && d.Retracted == "Nej")
            .Select(d => (Contact: rows.Contacts[d.ContactId], d.Code))
            .Where(x => pnrs.Contains(x.Contact.Pnr) && InPeriod(x.Contact.Start))
            .Select(x => (x.Contact.Pnr, Chapter: chapterOf(x.Code)))
            .Where(x => x.Chapter is not null)
            .Distinct()
            .Select(x => new ExpectedRecord(x.Pnr, [x.Chapter!], 1))
            .ToArray();

        return
        [
            new ExpectedTable("age-sex", [SpecCodes.AgeBand, SpecCodes.Sex], members.Select(m => new ExpectedRecord(m.Person.Pnr, [m.AgeBand, m.Sex], 1)).ToArray()),
            new ExpectedTable("region", [SpecCodes.Region], members.Select(m => new ExpectedRecord(m.Person.Pnr, [m.Region], 1)).ToArray()),
            new ExpectedTable("contacts", ["contactband"], contacts),
            new ExpectedTable("outcome", ["outcome"], outcome),
            new ExpectedTable("medication", ["atcgroup"], medication, DistinctPersons: true),
            new ExpectedTable("comorbidity", ["chapter"], comorbidity, DistinctPersons: true),
        ];
    }

    /// <summary>incidence-prevalence: per year, residents at the year's end, existing and new cases.</summary>
    public static IReadOnlyList<ExpectedTable> IncidencePrevalence(RegisterRows rows, CohortSpec p)
    {
        var qualified = IndependentCohort.Qualified(rows, p with { Occurrence = CohortSpec.FirstEver });
        var everyone = rows.Persons.ToDictionary(x => x.Pnr, _ => DateOnly.MinValue);
        var tables = new List<ExpectedTable>();
        foreach (var year in SpecCodes.Years(p.From, p.To))
        {
            var from = year == p.From.Year ? p.From : new DateOnly(year, 1, 1);
            var to = year == p.To.Year ? p.To : new DateOnly(year, 12, 31);
            var residents = IndependentCohort.Members(rows, p, everyone, to, aliveAndResident: true, entryFrom: null);
            ExpectedRecord Record(CohortMember m) => new(m.Person.Pnr, p.Breakdown.Select(b => Attribute(m, b)).ToArray(), 1);
            bool Case(CohortMember m) => qualified.TryGetValue(m.Person.Pnr, out var entry) && entry <= to;
            tables.Add(new ExpectedTable($"population-{year}", p.Breakdown, residents.Select(Record).ToArray()));
            tables.Add(new ExpectedTable($"existing-cases-{year}", p.Breakdown, residents.Where(Case).Select(Record).ToArray()));
            tables.Add(new ExpectedTable($"new-cases-{year}", p.Breakdown, residents.Where(m => Case(m) && qualified[m.Person.Pnr] >= from).Select(Record).ToArray()));
        }

        return tables;
    }

    private static string Attribute(CohortMember m, string breakdown) => breakdown switch
    {
        SpecCodes.Region => m.Region,
        SpecCodes.Sex => m.Sex,
        SpecCodes.AgeBand => m.AgeBand,
        _ => throw new ArgumentOutOfRangeException(nameof(breakdown), breakdown, "Unknown breakdown."),
    };
}
