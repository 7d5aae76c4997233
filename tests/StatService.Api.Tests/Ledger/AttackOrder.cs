using System.Text.Json;
using System.Text.Json.Nodes;
using StatService.TestSupport.Attacks;
using StatService.TestSupport.Cohorts;

namespace StatService.Api.Tests.Ledger;

/// <summary>An order body an attacker sends: the product, the requester's demo key and the parameters.</summary>
public sealed record AttackOrder(string Product, JsonObject Parameters)
{
    public string Requester => Product switch
    {
        "group-profile" => "demo-association",
        "incidence-prevalence" => "demo-journalist",
        _ => "demo-company",
    };

    public string Body => new JsonObject { ["product"] = Product, ["parameters"] = Parameters.DeepClone() }.ToJsonString();

    /// <summary>The body sent over HTTP: a product a caseworker reviews also needs a purpose and a contact.</summary>
    public string ServiceBody => Product != "custom-table"
        ? Body
        : new JsonObject
        {
            ["product"] = Product,
            ["parameters"] = Parameters.DeepClone(),
            ["purpose"] = "Drug utilisation in a patient group",
            ["contact"] = new JsonObject { ["name"] = "Ada Jensen", ["email"] = "ada@example.com" },
        }.ToJsonString();

    /// <summary>The parameters as the tests read the order specification.</summary>
    public CohortSpec Spec => CohortSpec.Read(JsonSerializer.SerializeToElement(Parameters));

    public override string ToString() => $"{Product} {ReleaseReading.Summary(Spec)}";

    /// <summary>A patient-count order: the README example's shape, every field given.</summary>
    public static AttackOrder PatientCount(
        string[]? diagnoses = null, string[]? diagnosesExcluded = null, string[]? medications = null, string[]? medicationsExcluded = null,
        string[]? proceduresExcluded = null, string from = "2021-01-01", string to = "2023-12-31", string? indexDate = null,
        int? ageMin = 18, int? ageMax = null, string? sex = null, string[]? regions = null, string occurrence = "any", string[]? breakdown = null) =>
        new("patient-count", new JsonObject
        {
            ["specVersion"] = 1,
            ["diagnoses"] = Codes(diagnoses, diagnosesExcluded),
            ["medications"] = Codes(medications, medicationsExcluded),
            ["procedures"] = Codes(null, proceduresExcluded),
            ["occurrence"] = occurrence,
            ["period"] = new JsonObject { ["from"] = from, ["to"] = to },
            ["indexDate"] = indexDate ?? to,
            ["age"] = new JsonObject { ["min"] = ageMin, ["max"] = ageMax },
            ["sex"] = sex,
            ["regions"] = Array(regions),
            ["breakdown"] = Array(breakdown),
        });

    /// <summary>A custom-table order of a sum (contacts, dispensings or ddd) over the patient-count cohort's criteria.</summary>
    public static AttackOrder CustomTable(
        string measure, string[]? measureAtc = null, string[]? diagnoses = null, string[]? diagnosesExcluded = null, string[]? medicationsExcluded = null,
        string from = "2021-01-01", string to = "2023-12-31", string? indexDate = null, int? ageMin = 18, string[]? breakdown = null)
    {
        var parameters = PatientCount(diagnoses, diagnosesExcluded, medicationsExcluded: medicationsExcluded, from: from, to: to, indexDate: indexDate, ageMin: ageMin, breakdown: breakdown).Parameters;
        parameters["measure"] = measure;
        parameters["measureAtc"] = Array(measureAtc);
        return new("custom-table", parameters);
    }

    public static AttackOrder GroupProfile(string[] diagnoses, string from, string to, int? ageMin = 18, int level = 3, int top = 10) =>
        new("group-profile", new JsonObject
        {
            ["specVersion"] = 1,
            ["diagnoses"] = Codes(diagnoses, null),
            ["period"] = new JsonObject { ["from"] = from, ["to"] = to },
            ["indexDate"] = to,
            ["age"] = new JsonObject { ["min"] = ageMin },
            ["medicationGroups"] = new JsonObject { ["level"] = level, ["top"] = top },
        });

    public static AttackOrder IncidencePrevalence(string[] diagnoses, string from, string to, string[]? breakdown = null) =>
        new("incidence-prevalence", new JsonObject
        {
            ["specVersion"] = 1,
            ["diagnoses"] = Codes(diagnoses, null),
            ["period"] = new JsonObject { ["from"] = from, ["to"] = to },
            ["breakdown"] = Array(breakdown),
        });

    private static JsonObject Codes(string[]? include, string[]? exclude) => new() { ["include"] = Array(include), ["exclude"] = Array(exclude) };

    private static JsonArray Array(string[]? values) => new((values ?? []).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
