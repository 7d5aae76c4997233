namespace StatService.Api.Tests.EndToEnd;

/// <summary>Bad orders get a 400 problem+json naming the field and the reason; none is stored.</summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class BadInputTests(GeneratedExtract extract, SharedApplication shared) : IClassFixture<SharedApplication>
{
    public static TheoryData<string, string, string> BadOrders => new()
    {
        { """{"product": "no-such-product", "parameters": {}}""", "product", "Unknown product" },
        { DocumentedOrder.With("diagnoses", """{"include": ["DU99"], "exclude": []}"""), "parameters.diagnoses.include[0]", "Unknown ICD-10" },
        { DocumentedOrder.With("diagnoses", """{"include": ["DE1Z"], "exclude": []}"""), "parameters.diagnoses.include[0]", "Closest valid codes: DE1" },
        { DocumentedOrder.With("diagnoses", """{"include": ["DE11'; DROP TABLE cpr_person; --"], "exclude": []}"""), "parameters.diagnoses.include[0]", "is not a" },
        { DocumentedOrder.With("medications", """{"include": ["Z99"]}"""), "parameters.medications.include[0]", "Unknown ATC" },
        { DocumentedOrder.With("period", """{"from": "2021-13-01", "to": "2023-12-31"}"""), "parameters.period.from", "yyyy-MM-dd" },
        { DocumentedOrder.With("period", """{"from": "31-12-2021", "to": "2023-12-31"}"""), "parameters.period.from", "yyyy-MM-dd" },
        { DocumentedOrder.With("period", """{"from": "2010-01-01", "to": "2023-12-31"}"""), "parameters.period.from", "coverage" },
        { DocumentedOrder.With("period", """{"from": "2023-01-01", "to": "2021-12-31"}"""), "parameters.period", "must not be after" },
        { DocumentedOrder.With("indexDate", "\"2031-01-01\""), "parameters.indexDate", "coverage" },
        { DocumentedOrder.With("breakdown", """["region", "municipality"]"""), "parameters.breakdown[1]", "Unknown breakdown" },
        { DocumentedOrder.With("breakdown", """["sex", "sex"]"""), "parameters.breakdown[1]", "twice" },
        { DocumentedOrder.With("age", """{"min": 80, "max": 20}"""), "parameters.age", "greater" },
        { DocumentedOrder.With("age", """{"min": -1, "max": null}"""), "parameters.age.min", "whole number" },
        { DocumentedOrder.With("sex", "\"x\""), "parameters.sex", "male" },
        { DocumentedOrder.With("regions", """["1099"]"""), "parameters.regions[0]", "Unknown region" },
        { DocumentedOrder.With("diagnoses", "\"DE11\""), "parameters.diagnoses", "object" },
        { DocumentedOrder.With("unexpected", "1"), "parameters.unexpected", "Unknown parameter" },
        { DocumentedOrder.With("diagnoses", $$"""{"include": [{{string.Join(",", Enumerable.Repeat("\"DE11\"", 500))}}], "exclude": []}"""), "parameters.diagnoses.include", "At most" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public Task A_bad_order_is_answered_with_a_problem_naming_the_field(string body, string field, string reason) =>
        RefusedOrder.AssertRefusedAsync(shared.On(extract.Directory), body, field, reason);
}
