using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatService.Delivery.Release.Records;

/// <summary>
/// Writes and reads <see cref="ReleaseRecord"/>s with System.Text.Json's source generator (no reflection, the same text every
/// time). Reading is strict: a missing field or a null where the record allows none is a <see cref="JsonException"/>.
/// </summary>
public static class ReleaseJson
{
    public static string Write(ReleaseRecord release) => JsonSerializer.Serialize(release, ReleaseJsonContext.Default.ReleaseRecord);

    /// <exception cref="JsonException">The text is not a release document.</exception>
    public static ReleaseRecord Read(string json) =>
        JsonSerializer.Deserialize(json, ReleaseJsonContext.Default.ReleaseRecord) ?? throw new JsonException("The release document is empty.");
}

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ReleaseRecord))]
internal sealed partial class ReleaseJsonContext : JsonSerializerContext;
