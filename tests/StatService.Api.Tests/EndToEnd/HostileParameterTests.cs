using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// Hostile and absurd parameters for every product (SQL fragments, huge lists, absurd dates, unknown
/// codes, measures and versions, orders beyond the product's limits): each gets a 400 problem+json naming
/// the field, and no order is stored.
/// </summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class HostileParameterTests(GeneratedExtract extract, SharedApplication shared) : IClassFixture<SharedApplication>
{
    private const string Cohort = """{"specVersion": 1, "diagnoses": {"include": ["DE11"]}, "period": {"from": "2021-01-01", "to": "2021-12-31"}}""";

    private static string Order(string product, string set, string json) => Order(product, (set, json));

    private static string Order(string product, params (string Name, string Json)[] changes)
    {
        var parameters = JsonNode.Parse(Cohort)!.AsObject();
        foreach (var (name, json) in changes)
        {
            parameters[name] = JsonNode.Parse(json);
        }

        return new JsonObject { ["product"] = product, ["parameters"] = parameters }.ToJsonString();
    }

    private const string TwentyDiagnoses = """["DE10","DE11","DE12","DE13","DE14","DJ44","DG35","DC50","DI10","DI20","DI21","DM16","DM17","DK35","DN18","DF32","DG20","DG30","DG40","DH25"]""";

    private const string ElevenAtcGroups = """["A10","R03","L04","N02","C09","C10","B01","J01","H03","C07","C03"]""";

    private static string Codes(int count, string code) => "[" + string.Join(",", Enumerable.Repeat($"\"{code}\"", count)) + "]";

    public static TheoryData<string, string, string> HostileOrders => new()
    {
        { Order("patient-count", "procedures", """{"include": ["KFNG'; DROP TABLE lmdb; --"]}"""), "parameters.procedures.include[0]", "is not a SKS procedure" },
        { Order("custom-table", "measureAtc", """["A10') OR ('1'='1"]"""), "parameters.measureAtc[0]", "is not a ATC" },
        { Order("custom-table", "measure", "\"ddd; DROP TABLE cpr_person\""), "parameters.measure", "Unknown measure" },
        { Order("custom-table", "measure", "\"cost\""), "parameters.measure", "Unknown measure" },
        { Order("patient-count", "measure", "\"ddd\""), "parameters.measure", "Not used by the product" },
        { Order("group-profile", "breakdown", """["region"]"""), "parameters.breakdown", "Not used by the product" },
        { Order("incidence-prevalence", "occurrence", "\"any\""), "parameters.occurrence", "Not used by the product" },
        { Order("patient-count", "procedures", """{"include": ["KZZZ"]}"""), "parameters.procedures.include[0]", "Unknown SKS procedure" },
        { Order("patient-count", "diagnoses", """{"include": ["DE11"], "diagnosisTypes": ["H"]}"""), "parameters.diagnoses.diagnosisTypes[0]", "action diagnosis" },
        { Order("patient-count", "occurrence", "\"sometimes\""), "parameters.occurrence", "first-ever" },
        { Order("patient-count", "specVersion", "2"), "parameters.specVersion", "version 1" },
        { Order("patient-count", "extractVersion", "\"../../etc/passwd\""), "parameters.extractVersion", "Unknown extract version" },
        { Order("patient-count", "medications", $$"""{"include": {{Codes(5000, "A10")}}}"""), "parameters.medications.include", "At most" },
        { Order("patient-count", ("diagnoses", $$"""{"include": {{TwentyDiagnoses}}}"""), ("medications", $$"""{"exclude": {{ElevenAtcGroups}}}""")), "parameters", "at most 30" },
        { Order("patient-count", "regions", Codes(50, "1084")), "parameters.regions", "At most" },
        { Order("patient-count", "period", """{"from": "0001-01-01", "to": "9999-12-31"}"""), "parameters.period.to", "coverage" },
        { Order("patient-count", "period", """{"from": "2021-02-30", "to": "2021-12-31"}"""), "parameters.period.from", "yyyy-MM-dd" },
        { Order("patient-count", "indexDate", "\"-2021-01-01\""), "parameters.indexDate", "yyyy-MM-dd" },
        { Order("group-profile", "period", """{"from": "2019-01-01", "to": "2023-12-31"}"""), "parameters.period", "at most 3" },
        { Order("incidence-prevalence", ("period", """{"from": "2019-01-01", "to": "2023-12-31"}"""), ("breakdown", """["region", "sex", "ageband"]""")), "parameters.breakdown", "cells" },
        { Order("patient-count", "breakdown", """["region", "sex", "ageband", "region"]"""), "parameters.breakdown", "At most 3" },
        { Order("group-profile", "medicationGroups", """{"level": 7, "top": 1000}"""), "parameters.medicationGroups.top", "1 to 30" },
        { Order("patient-count", "diagnoses", """{"include": []}"""), "parameters", "At least one inclusion criterion" },
        { Order("patient-count", "aliveAndResident", "\"yes\""), "parameters.aliveAndResident", "true or false" },
        { """{"product": "patient-count", "parameters": {}, "sql": "SELECT 1"}""", "sql", "Unknown field" },
    };

    [Theory]
    [MemberData(nameof(HostileOrders))]
    public Task A_hostile_order_is_refused_with_a_problem_naming_the_field(string body, string field, string reason) =>
        RefusedOrder.AssertRefusedAsync(shared.On(extract.Directory), body, field, reason);

    [Fact]
    public async Task A_patient_count_body_from_before_spec_versions_is_still_accepted_and_records_its_extract()
    {
        await using var application = new StatServiceApplication { ExtractsDirectory = extract.Directory };
        using var client = application.CreateClient("demo-company");

        using var response = await client.PostAsync("/api/orders", new StringContent(DocumentedOrder.Body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
