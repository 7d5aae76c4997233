namespace StatService.Core.OrderSpec;

/// <summary>
/// The order specification shared by every product (version <see cref="CurrentSpecVersion"/>): a cohort,
/// the breakdowns and the measure, validated and normalised. Codes are upper-case prefixes known to
/// the code lists; dates lie inside the extract. Stored with the order in this shape; bodies written
/// before <c>specVersion</c> existed (the first patient-count orders) read as version 1.
/// </summary>
public sealed record CohortParameters
{
    public const int CurrentSpecVersion = 1;

    public int SpecVersion { get; init; } = CurrentSpecVersion;

    /// <summary>The extract version the order runs on: the one named in the order, else the newest at validation.</summary>
    public string? ExtractVersion { get; init; }

    public DiagnosisCriteria Diagnoses { get; init; } = new();

    /// <summary>SKS procedure code prefixes (e.g. <c>KFNG</c>, coronary angioplasty).</summary>
    public CodeCriteria Procedures { get; init; } = new();

    /// <summary>ATC prefixes of dispensed medicines.</summary>
    public CodeCriteria Medications { get; init; } = new();

    /// <summary><see cref="OrderSpec.Occurrence.Any"/> (prevalent) or <see cref="OrderSpec.Occurrence.FirstEver"/> (incident).</summary>
    public string Occurrence { get; init; } = OrderSpec.Occurrence.Any;

    public required Period Period { get; init; }

    public required DateOnly IndexDate { get; init; }

    public AgeRange Age { get; init; } = new(null, null);

    /// <summary><c>male</c>, <c>female</c> or null for both.</summary>
    public string? Sex { get; init; }

    /// <summary>Region codes (1081-1085); empty for the whole country.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Only persons alive and resident in Denmark at the index date (the default).</summary>
    public bool AliveAndResident { get; init; } = true;

    /// <summary>The table's dimensions in the order requested (for products with a user breakdown).</summary>
    public IReadOnlyList<string> Breakdown { get; init; } = [];

    /// <summary>What the cells count or sum: <c>persons</c>, <c>contacts</c>, <c>dispensings</c> or <c>ddd</c>.</summary>
    public string Measure { get; init; } = Measures.Persons;

    /// <summary>ATC prefixes whose dispensings a <c>dispensings</c> or <c>ddd</c> measure sums; empty: every medicine.</summary>
    public IReadOnlyList<string> MeasureAtc { get; init; } = [];

    /// <summary>group-profile: the medication table's ATC level (3 or 4) and how many of the most used groups it shows.</summary>
    public MedicationGroups MedicationGroups { get; init; } = new(3, 15);

    /// <summary>Every code prefix of every criterion, counted against the product's criteria limit.</summary>
    public int CriteriaCount =>
        Diagnoses.Include.Count + Diagnoses.Exclude.Count + Procedures.Include.Count + Procedures.Exclude.Count
        + Medications.Include.Count + Medications.Exclude.Count;
}

/// <summary>Code prefixes a person must have (any of <see cref="Include"/>) and must not have (any of <see cref="Exclude"/>).</summary>
public sealed record CodeCriteria
{
    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];
}

/// <summary>Diagnosis prefixes and the LPR diagnosis types that count (A action, B secondary; default both).</summary>
public sealed record DiagnosisCriteria
{
    public static IReadOnlyList<string> CountedTypes { get; } = ["A", "B"];

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlyList<string> DiagnosisTypes { get; init; } = CountedTypes;
}

public static class Occurrence
{
    /// <summary>Prevalent: a qualifying event in the period.</summary>
    public const string Any = "any";

    /// <summary>Incident: the day the person first met every inclusion criterion in the extract lies in the period.</summary>
    public const string FirstEver = "first-ever";

    public static IReadOnlyList<string> All { get; } = [Any, FirstEver];
}

public static class Measures
{
    public const string Persons = "persons";
    public const string Contacts = "contacts";
    public const string Dispensings = "dispensings";
    public const string Ddd = "ddd";

    public static IReadOnlyList<string> All { get; } = [Persons, Contacts, Dispensings, Ddd];
}

public sealed record Period(DateOnly From, DateOnly To);

public sealed record AgeRange(int? Min, int? Max);

public sealed record MedicationGroups(int Level, int Top);
