using System.Globalization;
using System.Text.Json;

namespace StatService.TestSupport.Cohorts;

/// <summary>
/// The order specification (version 1) as the README documents it, read by the tests themselves: from an order's
/// <c>parameters</c> object, or from the parameters a release echoes. Absent fields take the documented defaults.
/// </summary>
public sealed record CohortSpec
{
    public const string Persons = "persons";
    public const string Contacts = "contacts";
    public const string Dispensings = "dispensings";
    public const string Ddd = "ddd";
    public const string Any = "any";
    public const string FirstEver = "first-ever";

    public CodeSpec Diagnoses { get; init; } = new();

    /// <summary>Diagnosis types that count (A action, B secondary).</summary>
    public IReadOnlyList<string> DiagnosisTypes { get; init; } = ["A", "B"];

    public CodeSpec Procedures { get; init; } = new();

    public CodeSpec Medications { get; init; } = new();

    public string Occurrence { get; init; } = Any;

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required DateOnly IndexDate { get; init; }

    public int? AgeMin { get; init; }

    public int? AgeMax { get; init; }

    /// <summary><c>male</c>, <c>female</c> or null for both.</summary>
    public string? Sex { get; init; }

    public IReadOnlyList<string> Regions { get; init; } = [];

    public bool AliveAndResident { get; init; } = true;

    public IReadOnlyList<string> Breakdown { get; init; } = [];

    public string Measure { get; init; } = Persons;

    public IReadOnlyList<string> MeasureAtc { get; init; } = [];

    public int MedicationLevel { get; init; } = 3;

    public int MedicationTop { get; init; } = 15;

    public static CohortSpec Read(JsonElement parameters)
    {
        var period = parameters.GetProperty("period");
        var to = Date(period.GetProperty("to"));
        var diagnoses = Codes(parameters, "diagnoses");
        var age = Object(parameters, "age");
        var groups = Object(parameters, "medicationGroups");
        return new CohortSpec
        {
            Diagnoses = diagnoses,
            DiagnosisTypes = Object(parameters, "diagnoses") is { } d && Strings(d, "diagnosisTypes") is { Count: > 0 } types ? types : ["A", "B"],
            Procedures = Codes(parameters, "procedures"),
            Medications = Codes(parameters, "medications"),
            Occurrence = Text(parameters, "occurrence") ?? Any,
            From = Date(period.GetProperty("from")),
            To = to,
            IndexDate = parameters.TryGetProperty("indexDate", out var index) && index.ValueKind == JsonValueKind.String ? Date(index) : to,
            AgeMin = age is { } a ? Number(a, "min") : null,
            AgeMax = age is { } b ? Number(b, "max") : null,
            Sex = Text(parameters, "sex"),
            Regions = Strings(parameters, "regions") ?? [],
            AliveAndResident = !parameters.TryGetProperty("aliveAndResident", out var alive) || alive.ValueKind != JsonValueKind.False,
            Breakdown = Strings(parameters, "breakdown") ?? [],
            Measure = Text(parameters, "measure") ?? Persons,
            MeasureAtc = Strings(parameters, "measureAtc") ?? [],
            MedicationLevel = groups is { } g && Number(g, "level") is { } level ? level : 3,
            MedicationTop = groups is { } h && Number(h, "top") is { } top ? top : 15,
        };
    }

    private static CodeSpec Codes(JsonElement parameters, string name) =>
        Object(parameters, name) is { } o
            ? new CodeSpec { Include = Upper(Strings(o, "include")), Exclude = Upper(Strings(o, "exclude")) }
            : new CodeSpec();

    private static string[] Upper(IReadOnlyList<string>? codes) => (codes ?? []).Select(c => c.Trim().ToUpperInvariant()).ToArray();

    private static JsonElement? Object(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static List<string>? Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
            : null;

    private static DateOnly Date(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Code prefixes a person must have (any of <see cref="Include"/>) and must not have (any of <see cref="Exclude"/>).</summary>
public sealed record CodeSpec
{
    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];
}

/// <summary>The codes of the products' dimensions, as the README names them.</summary>
public static class SpecCodes
{
    public const string Total = "total";
    public const string Region = "region";
    public const string Sex = "sex";
    public const string AgeBand = "ageband";
    public const string Other = "other";
    public const string Alive = "alive";
    public const string UnknownCause = "unknown";

    /// <summary>0-9, 10-19, ..., 80-89, 90+.</summary>
    public static string AgeBandOf(int age) => age >= 90 ? "90+" : $"{age / 10 * 10}-{age / 10 * 10 + 9}";

    /// <summary>Hospital contacts per person per year: 0, under 1, 1-2, 2-5, 5-10, 10+ (lower bounds inclusive).</summary>
    public static string ContactBandOf(double perYear) => perYear switch
    {
        <= 0 => "0",
        < 1 => "0-1",
        < 2 => "1-2",
        < 5 => "2-5",
        < 10 => "5-10",
        _ => "10+",
    };

    /// <summary>The calendar years a period touches.</summary>
    public static IEnumerable<int> Years(DateOnly from, DateOnly to) => Enumerable.Range(from.Year, to.Year - from.Year + 1);
}
