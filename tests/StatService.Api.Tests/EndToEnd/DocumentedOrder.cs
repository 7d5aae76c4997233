namespace StatService.Api.Tests.EndToEnd;

/// <summary>The README's example order: it must keep working.</summary>
public static class DocumentedOrder
{
    public const string Body = """
        {"product": "patient-count",
         "parameters": {"diagnoses": {"include": ["DE11"], "exclude": []},
                        "medications": {"include": []},
                        "period": {"from": "2021-01-01", "to": "2023-12-31"},
                        "indexDate": "2023-12-31", "age": {"min": 18, "max": null},
                        "sex": null, "regions": [],
                        "breakdown": ["region", "sex", "ageband"]}}
        """;

    /// <summary>The example with one parameter replaced by raw JSON.</summary>
    public static string With(string parameter, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Body)!;
        node["parameters"]![parameter] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return node.ToJsonString();
    }
}
