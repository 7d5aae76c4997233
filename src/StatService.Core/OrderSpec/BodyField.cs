using System.Text.Json;

namespace StatService.Core.OrderSpec;

/// <summary>
/// A field of an order body being read: its JSON path (<c>parameters.diagnoses.include[0]</c>) and the body's one
/// collection of errors. Every parameter reader records what is wrong under the path it reads and goes on, so one
/// answer names every bad field; bad input never throws.
/// </summary>
internal readonly record struct BodyField(string Path, ValidationErrors Errors)
{
    public BodyField Field(string name) => new($"{Path}.{name}", Errors);

    public BodyField Item(int index) => new($"{Path}[{index}]", Errors);

    public void Error(string message) => Errors.Add(Path, message);

    /// <summary>The field's own name: the last segment of its path.</summary>
    private string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>This field's value in <paramref name="parent"/>, or null when it is absent or JSON null.</summary>
    public JsonElement? In(JsonElement parent) =>
        parent.TryGetProperty(Name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string trimmed and lower-cased, or null for any other JSON value.</summary>
    public static string? LowerText(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()!.Trim().ToLowerInvariant() : null;

    /// <summary>Whether <paramref name="element"/> is an object with none but <paramref name="fields"/>; each unknown field is an error.</summary>
    public bool ExpectObject(JsonElement element, string[] fields)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error($"Must be an object with {string.Join(", ", fields.Select(f => $"'{f}'"))}.");
            return false;
        }

        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                Field(property.Name).Error($"Unknown field. Known fields: {string.Join(", ", fields)}.");
                ok = false;
            }
        }

        return ok;
    }
}
