using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatService.Delivery.Release.Records;

/// <summary>
/// Writes and reads <see cref="ReleaseRecord"/>s with System.Text.Json's source generator (no reflection, the same text every
/// time). Reading is strict: a missing field or a null where the record allows none is refused.
/// </summary>
public static class ReleaseJson
{
    public static string Write(ReleaseRecord release) => JsonSerializer.Serialize(release, ReleaseJsonContext.Default.ReleaseRecord);

    /// <exception cref="InvalidDataException">
    /// The text is not a release document. Releases are only ever read from the store, so this is a fault of stored data,
    /// never of a request (it must not become a 400 about the request's JSON).
    /// </exception>
    public static ReleaseRecord Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ReleaseJsonContext.Default.ReleaseRecord) ?? throw new JsonException("The document is null.");
        }
        catch (JsonException notARelease)
        {
            throw new InvalidDataException("The stored text is not a release document.", notARelease);
        }
    }
}

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ReleaseRecord))]
internal sealed partial class ReleaseJsonContext : JsonSerializerContext;
