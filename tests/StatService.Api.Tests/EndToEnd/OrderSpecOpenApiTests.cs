using System.Text.Json;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>The OpenAPI document publishes the order specification (version 1) for the order body's <c>parameters</c>.</summary>
[Collection(GeneratedExtractCollection.Name)]
public sealed class OrderSpecOpenApiTests(GeneratedExtract extract, SharedApplication shared) : IClassFixture<SharedApplication>
{
    private static readonly string[] SpecFields =
    [
        "specVersion", "extractVersion", "diagnoses", "procedures", "medications", "occurrence", "period", "indexDate",
        "age", "sex", "regions", "aliveAndResident", "breakdown", "measure", "measureAtc", "medicationGroups",
    ];

    [Fact]
    public async Task The_OpenAPI_document_describes_every_field_of_the_order_specification()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var parameters = OrderBodySchema(document.RootElement).GetProperty("properties").GetProperty("parameters");
        var fields = parameters.GetProperty("properties");

        Assert.Equal(SpecFields.Order(StringComparer.Ordinal), fields.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("object", parameters.GetProperty("type").GetString());
        Assert.Contains("include", fields.GetProperty("diagnoses").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["from", "to"], fields.GetProperty("period").GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["ageband", "region", "sex"],
            fields.GetProperty("breakdown").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_published_specification_is_the_union_of_the_products_parameter_schemas()
    {
        var application = shared.On(extract.Directory);
        using var client = application.CreateClient();

        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        using var products = JsonDocument.Parse(await client.GetStringAsync("/api/products"));
        var published = OrderBodySchema(openApi.RootElement).GetProperty("properties").GetProperty("parameters").GetProperty("properties");

        // Every field any product reads, with the same allowed values (the widest of the products' lists).
        foreach (var product in products.RootElement.EnumerateArray())
        {
            foreach (var field in product.GetProperty("parameterSchema").GetProperty("properties").EnumerateObject())
            {
                Assert.True(published.TryGetProperty(field.Name, out var documented), $"{field.Name} is missing from the OpenAPI document.");
                if (field.Value.TryGetProperty("enum", out var allowed))
                {
                    var documentedValues = documented.GetProperty("enum").EnumerateArray().Select(v => v.GetRawText()).ToArray();
                    Assert.All(allowed.EnumerateArray(), v => Assert.Contains(v.GetRawText(), documentedValues));
                }
            }
        }

        Assert.Equal(
            products.RootElement.EnumerateArray().SelectMany(p => p.GetProperty("parameterSchema").GetProperty("properties").EnumerateObject().Select(f => f.Name)).Distinct().Order(StringComparer.Ordinal),
            published.EnumerateObject().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>The schema of <c>POST /api/orders</c>' body, inline or referenced from the components.</summary>
    private static JsonElement OrderBodySchema(JsonElement document)
    {
        var schema = document.GetProperty("paths").GetProperty("/api/orders").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }
}
