using System.Text.Json;
using System.Text.Json.Nodes;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.OrderSpec;
using StatService.Core.Tests.CodeLists;
using StatService.Core.Tests.Ledger;

namespace StatService.Core.Tests.OrderSpec;

/// <summary>
/// One wrong field in an otherwise valid order gives exactly one error, under the field's path and in the words
/// the API answers with, from whichever parameter reader reads it.
/// </summary>
public sealed class ParameterErrorTests
{
    private const string Valid = """{ "diagnoses": { "include": ["DE11"] }, "period": { "from": "2018-01-01", "to": "2018-12-31" } }""";

    private static readonly ExtractInfo Extract = new("test", new DateOnly(2015, 1, 1), new DateOnly(2022, 12, 31));

    private static readonly CohortParametersReader Reader = new(
        RepositoryCodeLists.Lists, ProcedureCodes.Load(RepositoryCodeLists.Folder), new OrderLimits());

    [Theory]
    [InlineData("custom-table", """{ "specVersion": 2 }""", "parameters.specVersion", "Unsupported order spec version. This service reads version 1.")]
    [InlineData("custom-table", """{ "diagnoses": { "include": ["DE11"], "diagnosisTypes": ["C"] } }""", "parameters.diagnoses.diagnosisTypes[0]", "Must be \"A\" (action diagnosis) or \"B\" (secondary diagnosis).")]
    [InlineData("custom-table", """{ "procedures": { "include": [7] } }""", "parameters.procedures.include[0]", "Must be a string code prefix.")]
    [InlineData("custom-table", """{ "medications": { "include": ["A10"], "also": [] } }""", "parameters.medications.also", "Unknown field. Known fields: include, exclude.")]
    [InlineData("custom-table", """{ "occurrence": "sometimes" }""", "parameters.occurrence", "Must be \"any\" (a qualifying event in the period) or \"first-ever\" (first met the criteria in the period: incident).")]
    [InlineData("custom-table", """{ "period": { "from": "2018-01-01" } }""", "parameters.period.to", "Required: a date (yyyy-MM-dd).")]
    [InlineData("custom-table", """{ "indexDate": "1.1.2018" }""", "parameters.indexDate", "Must be a date written yyyy-MM-dd.")]
    [InlineData("custom-table", """{ "age": { "min": 30, "max": 20 } }""", "parameters.age", "'min' must not be greater than 'max'.")]
    [InlineData("custom-table", """{ "sex": "other" }""", "parameters.sex", "Must be \"male\", \"female\" or null (both).")]
    [InlineData("custom-table", """{ "regions": ["1081", "9999"] }""", "parameters.regions[1]", "Unknown region. Use 1081 Nordjylland, 1082 Midtjylland, 1083 Syddanmark, 1084 Hovedstaden or 1085 Sjælland.")]
    [InlineData("custom-table", """{ "aliveAndResident": "yes" }""", "parameters.aliveAndResident", "Must be true or false.")]
    [InlineData("custom-table", """{ "breakdown": ["sex", "sex"] }""", "parameters.breakdown[1]", "'sex' is listed twice.")]
    [InlineData("custom-table", """{ "measure": "beds" }""", "parameters.measure", "Unknown measure. Allowed: persons, contacts, dispensings, ddd.")]
    [InlineData("custom-table", """{ "measureAtc": "A10" }""", "parameters.measureAtc", "Must be an array of code prefixes.")]
    [InlineData("group-profile", """{ "medicationGroups": { "level": 5 } }""", "parameters.medicationGroups.level", "Must be 3 (therapeutic subgroup, e.g. A10) or 4 (e.g. A10B).")]
    public void One_wrong_field_is_one_error_under_its_path(string productId, string change, string path, string message)
    {
        var errors = Read(productId, change);

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Key);
        Assert.Equal([message], error.Value);
    }

    [Theory]
    [InlineData("custom-table")]
    [InlineData("group-profile")]
    public void The_valid_order_the_cases_change_has_no_error(string productId) =>
        Assert.Empty(Read(productId, "{}"));

    private static IReadOnlyDictionary<string, string[]> Read(string productId, string change)
    {
        var body = JsonNode.Parse(Valid)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        var errors = new ValidationErrors();
        using var document = JsonDocument.Parse(body.ToJsonString());
        Reader.Read(document.RootElement, Extract, RepositoryCatalogue.Product(productId), errors);
        return errors.ToDictionary();
    }
}
