using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.Localization;

namespace StatService.Core.OrderSpec;

/// <summary>
/// An order's cohort in words, from the fields its product reads: "Personer med type 2-diabetes (DE11) i
/// 2021-2023, 18 år eller ældre den 31. december 2023, hele landet". Codes are named by the code lists.
/// </summary>
public sealed class OrderDefinitionText(CodeListSet codeLists, ProcedureCodes procedures)
{
    public string Describe(ProductDefinition product, CohortParameters p, string language)
    {
        string T(string key, params (string, object?)[] values) => Texts.Get(language, key, values);
        bool Reads(string field) => product.Parameters.Contains(field, StringComparer.Ordinal);

        var who = new List<string>();
        if (p.Diagnoses.Include.Count > 0)
        {
            who.Add(T("definition.with", ("codes", Codes(codeLists.Icd10, p.Diagnoses.Include, language))));
        }

        if (p.Procedures.Include.Count > 0)
        {
            who.Add(T("definition.procedures", ("codes", Codes(procedures.List, p.Procedures.Include, language))));
        }

        if (p.Medications.Include.Count > 0)
        {
            who.Add(T("definition.medications", ("codes", Codes(codeLists.Atc, p.Medications.Include, language))));
        }

        var first = T("definition.persons") + (who.Count > 0 ? " " + string.Join(T("definition.and"), who) : string.Empty);
        var excluded = p.Diagnoses.Exclude.Select(c => Name(codeLists.Icd10, c, language))
            .Concat(p.Procedures.Exclude.Select(c => Name(procedures.List, c, language)))
            .Concat(p.Medications.Exclude.Select(c => Name(codeLists.Atc, c, language)))
            .ToArray();
        if (excluded.Length > 0)
        {
            first += " " + T("definition.without", ("codes", string.Join(T("definition.or"), excluded)));
        }

        // A product that fixes the occurrence (incidence-prevalence) says so in its own tables.
        if (product.FixedOccurrence is null && Reads("occurrence") && p.Occurrence == Occurrence.FirstEver)
        {
            first += " " + T("definition.firstEver");
        }

        first += " " + PeriodText(p.Period, language);
        var parts = new List<string> { first };
        if (Reads("diagnoses") && p.Diagnoses.Include.Count > 0 && p.Diagnoses.DiagnosisTypes.Count == 1)
        {
            parts.Add(T(p.Diagnoses.DiagnosisTypes[0] == "A" ? "definition.actionOnly" : "definition.secondaryOnly"));
        }

        if (Reads("age"))
        {
            var date = LongDate(p.IndexDate, language);
            parts.Add(p.Age switch
            {
                { Min: { } min, Max: { } max } => T("definition.ageRange", ("min", min), ("max", max), ("date", date)),
                { Min: { } min } => T("definition.ageMin", ("min", min), ("date", date)),
                { Max: { } max } => T("definition.ageMax", ("max", max), ("date", date)),
                _ => T("definition.ageAny", ("date", date)),
            });
        }

        if (Reads("sex") && p.Sex is { } sex)
        {
            parts.Add(T(sex == "female" ? "definition.female" : "definition.male"));
        }

        if (Reads("regions"))
        {
            parts.Add(p.Regions.Count == 0
                ? T("definition.wholeCountry")
                : T("definition.regions", ("regions", string.Join(T("definition.and"), p.Regions.Select(r => Label(codeLists.Regions.Find(r), language) ?? r)))));
        }

        if (Reads("aliveAndResident") && !p.AliveAndResident)
        {
            parts.Add(T("definition.includingDead"));
        }

        if (Reads("breakdown") && p.Breakdown.Count > 0)
        {
            parts.Add(T("definition.breakdown", ("dimensions", string.Join(", ", p.Breakdown.Select(b => Texts.Get(language, $"dimension.{b}"))))));
        }

        if (Reads("measure"))
        {
            var measure = InSentence(Texts.Get(language, $"measure.{p.Measure}"));
            parts.Add(ProductDefinition.IsMagnitude(p.Measure) && p.Measure != Measures.Contacts && p.MeasureAtc.Count > 0
                ? T("definition.measureOf", ("measure", measure), ("codes", string.Join(T("definition.or"), p.MeasureAtc.Select(c => Name(codeLists.Atc, c, language)))))
                : T("definition.measure", ("measure", measure)));
        }

        if (Reads("medicationGroups"))
        {
            parts.Add(T("definition.medicationGroups", ("top", p.MedicationGroups.Top), ("level", p.MedicationGroups.Level)));
        }

        return string.Join(", ", parts);
    }

    /// <summary>A date as written in a sentence: "31. december 2023" or "31 December 2023".</summary>
    public static string LongDate(DateOnly date, string language) => Texts.Get(
        language, "date.long", ("day", date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("month", Texts.Get(language, $"month.{date.Month}")),
        ("year", date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string PeriodText(Period period, string language)
    {
        static string Year(DateOnly d) => d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var wholeYears = period.From is { Month: 1, Day: 1 } && period.To is { Month: 12, Day: 31 };
        return !wholeYears
            ? Texts.Get(language, "definition.fromTo", ("from", LongDate(period.From, language)), ("to", LongDate(period.To, language)))
            : period.From.Year == period.To.Year
                ? Texts.Get(language, "definition.inYear", ("year", Year(period.From)))
                : Texts.Get(language, "definition.inYears", ("from", Year(period.From)), ("to", Year(period.To)));
    }

    private static string Codes(CodeList list, IReadOnlyList<string> codes, string language) =>
        string.Join(Texts.Get(language, "definition.or"), codes.Select(c => Name(list, c, language)));

    /// <summary>"type 2-diabetes (DE11)": the name in the sentence's case, then the code.</summary>
    private static string Name(CodeList list, string code, string language) =>
        Label(list.Find(code), language) is { } label ? $"{InSentence(label)} ({code})" : code;

    private static string? Label(CodeEntry? entry, string language) =>
        entry is null ? null : Texts.Normalise(language) == Texts.Danish ? entry.LabelDa : entry.LabelEn;

    // A title starts with a capital; inside a sentence it does not, unless it is an abbreviation (KOL, COVID-19).
    private static string InSentence(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
