using System.Text.Json;
using System.Text.Json.Nodes;
using StatService.Core.Catalogue;

namespace StatService.Core.OrderSpec;

/// <summary>
/// The JSON Schema of a product's <c>parameters</c> (order spec version 1), limited to the fields the
/// product reads, with its limits as maxima. Published by <c>GET /api/products</c>.
/// </summary>
public static class ParameterSchema
{
    /// <summary>
    /// The whole order specification: every field any product reads, with the widest of their limits. The OpenAPI
    /// document publishes it for <c>parameters</c>, from the same source as each product's schema, so they cannot drift.
    /// </summary>
    public static JsonElement ForAll(IReadOnlyCollection<ProductDefinition> products)
    {
        static string[] Union(IEnumerable<IEnumerable<string>> lists) => lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).ToArray();
        var parameters = Union(products.Select(p => p.Parameters));
        var breakdowns = Union(products.Select(p => p.Breakdowns));
        var measures = Union(products.Select(p => p.Measures));
        var limits = new ProductLimits
        {
            MaxCells = products.Max(p => p.Limits.MaxCells),
            MaxDimensions = products.Max(p => p.Limits.MaxDimensions),
            MaxCriteria = products.Max(p => p.Limits.MaxCriteria),
            MaxPeriodYears = products.Max(p => p.Limits.MaxPeriodYears),
        };
        return For(parameters, breakdowns, measures, limits);
    }

    public static JsonElement For(IReadOnlyList<string> parameters, IReadOnlyList<string> breakdowns, IReadOnlyList<string> measures, ProductLimits limits)
    {
        static JsonObject Codes(string description, int max) => new()
        {
            ["type"] = "array", ["maxItems"] = max, ["description"] = description,
            ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9]{1,10}$|^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$" },
        };

        static JsonObject Criteria(string what, int max, JsonObject? extra = null)
        {
            var properties = new JsonObject
            {
                ["include"] = Codes($"{what} prefixes a person must have (any of them).", max),
                ["exclude"] = Codes($"{what} prefixes a person must not have in the period.", max),
            };
            foreach (var (key, value) in extra ?? [])
            {
                properties[key] = value?.DeepClone();
            }

            return new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties };
        }

        static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

        var date = new JsonObject { ["type"] = "string", ["format"] = "date" };
        var all = new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["specVersion"] = new JsonObject { ["const"] = CohortParameters.CurrentSpecVersion, ["description"] = "Order spec version; absent means 1." },
            ["extractVersion"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "An extract version from GET /api/extracts; default the newest." },
            ["diagnoses"] = Criteria("ICD-10 (SKS) diagnosis code", limits.MaxCriteria, new JsonObject
            {
                ["diagnosisTypes"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = Strings(DiagnosisCriteria.CountedTypes) }, ["description"] = "A action, B secondary; default both." },
            }),
            ["procedures"] = Criteria("SKS procedure code", limits.MaxCriteria),
            ["medications"] = Criteria("ATC code of a dispensed medicine", limits.MaxCriteria),
            ["occurrence"] = new JsonObject { ["enum"] = Strings(Occurrence.All), ["description"] = "any: a qualifying event in the period (prevalent); first-ever: first met the criteria in the period (incident)." },
            ["period"] = new JsonObject
            {
                ["type"] = "object", ["required"] = new JsonArray("from", "to"), ["additionalProperties"] = false,
                ["properties"] = new JsonObject { ["from"] = date.DeepClone(), ["to"] = date.DeepClone() },
                ["description"] = $"At most {limits.MaxPeriodYears} calendar years, inside the extract's coverage.",
            },
            ["indexDate"] = new JsonObject { ["type"] = "string", ["format"] = "date", ["description"] = "Attributes (age, region) and residence are taken at this date; default the period's end." },
            ["age"] = new JsonObject
            {
                ["type"] = "object", ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["min"] = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["minimum"] = 0, ["maximum"] = 125 },
                    ["max"] = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["minimum"] = 0, ["maximum"] = 125 },
                },
            },
            ["sex"] = new JsonObject { ["enum"] = new JsonArray("male", "female", null) },
            ["regions"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["enum"] = new JsonArray("1081", "1082", "1083", "1084", "1085") } },
            ["aliveAndResident"] = new JsonObject { ["type"] = "boolean", ["description"] = "Only persons alive and resident at the index date; default true." },
            ["breakdown"] = new JsonObject { ["type"] = "array", ["maxItems"] = limits.MaxDimensions, ["uniqueItems"] = true, ["items"] = new JsonObject { ["enum"] = Strings(breakdowns) } },
            ["measure"] = new JsonObject { ["enum"] = Strings(measures), ["description"] = $"Default {measures[0]}." },
            ["measureAtc"] = Codes("ATC prefixes whose dispensings or DDD the measure sums; default: the medications.include prefixes, else every medicine.", limits.MaxCriteria),
            ["medicationGroups"] = new JsonObject
            {
                ["type"] = "object", ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["level"] = new JsonObject { ["enum"] = new JsonArray(3, 4), ["description"] = "ATC level of the groups; default 3." },
                    ["top"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = CohortParametersReader.MaxTopGroups, ["description"] = "How many of the most used groups; default 15." },
                },
            },
        };

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("period"),
            ["properties"] = new JsonObject(parameters.Where(all.ContainsKey).Select(p => KeyValuePair.Create(p, (JsonNode?)all[p].DeepClone()))),
        };
        return JsonSerializer.SerializeToElement(schema);
    }
}
