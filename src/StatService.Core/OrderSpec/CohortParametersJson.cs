using System.Text.Json;

namespace StatService.Core.OrderSpec;

/// <summary>The stored (normalised) form of cohort parameters: the same shape as the order body.</summary>
public static class CohortParametersJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(CohortParameters parameters) => JsonSerializer.Serialize(parameters, Options);

    public static CohortParameters Deserialize(string json) =>
        JsonSerializer.Deserialize<CohortParameters>(json, Options)
        ?? throw new InvalidDataException("Stored order parameters are empty.");
}
