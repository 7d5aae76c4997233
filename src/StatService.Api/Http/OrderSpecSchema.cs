using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace StatService.Api.Http;

/// <summary>
/// Converts the order specification's JSON Schema (<see cref="Core.OrderSpec.ParameterSchema"/>, the one
/// <c>GET /api/products</c> publishes) into an OpenAPI schema. Only the keywords that schema uses are understood; any
/// other stops the document, so a new keyword cannot silently drop out of the published specification.
/// </summary>
public static class OrderSpecSchema
{
    public static OpenApiSchema From(JsonElement jsonSchema) => Convert(JsonNode.Parse(jsonSchema.GetRawText())!.AsObject());

    private static OpenApiSchema Convert(JsonObject node)
    {
        var schema = new OpenApiSchema();
        foreach (var (keyword, value) in node)
        {
            switch (keyword)
            {
                case "$schema":
                    break;
                case "type":
                    schema.Type = value is JsonArray types
                        ? types.Select(t => TypeOf(t!.GetValue<string>())).Aggregate((a, b) => a | b)
                        : TypeOf(value!.GetValue<string>());
                    break;
                case "format":
                    schema.Format = value!.GetValue<string>();
                    break;
                case "description":
                    schema.Description = value!.GetValue<string>();
                    break;
                case "pattern":
                    schema.Pattern = value!.GetValue<string>();
                    break;
                case "const":
                    // OpenAPI writes Const as a string; a one-value enum keeps the number a number.
                    schema.Enum = [value!.DeepClone()];
                    break;
                case "enum":
                    schema.Enum = value!.AsArray().Select(v => v?.DeepClone()).ToList()!;
                    break;
                case "required":
                    schema.Required = value!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                    break;
                case "additionalProperties":
                    schema.AdditionalPropertiesAllowed = value!.GetValue<bool>();
                    break;
                case "uniqueItems":
                    schema.UniqueItems = value!.GetValue<bool>();
                    break;
                case "maxItems":
                    schema.MaxItems = value!.GetValue<int>();
                    break;
                case "minimum":
                    schema.Minimum = Number(value!);
                    break;
                case "maximum":
                    schema.Maximum = Number(value!);
                    break;
                case "items":
                    schema.Items = Convert(value!.AsObject());
                    break;
                case "properties":
                    schema.Properties = value!.AsObject().ToDictionary(p => p.Key, p => (IOpenApiSchema)Convert(p.Value!.AsObject()), StringComparer.Ordinal);
                    break;
                default:
                    throw new InvalidOperationException($"The order specification's schema uses '{keyword}', which the OpenAPI document does not translate.");
            }
        }

        return schema;
    }

    private static string Number(JsonNode value) => value.GetValue<double>().ToString(CultureInfo.InvariantCulture);

    private static JsonSchemaType TypeOf(string name) => name switch
    {
        "string" => JsonSchemaType.String,
        "integer" => JsonSchemaType.Integer,
        "number" => JsonSchemaType.Number,
        "boolean" => JsonSchemaType.Boolean,
        "array" => JsonSchemaType.Array,
        "object" => JsonSchemaType.Object,
        "null" => JsonSchemaType.Null,
        _ => throw new InvalidOperationException($"Unknown JSON Schema type '{name}'."),
    };
}
