using System.Globalization;
using System.Text.Json;

namespace StatService.Core.Json;

/// <summary>
/// Typed reads of a configuration file's JSON that name the file and the field's path when a value is missing or wrong
/// (<c>patient-count/product.json: 'tables[1].name' must be a string.</c>), so a bad file stops the service with a message
/// a person can act on instead of a KeyNotFoundException. <paramref name="path"/> is the object's own path in the file.
/// </summary>
public sealed class JsonFieldReader(string where, string? path = null)
{
    /// <summary>The reader of a field below this one (an object or an array element: <c>tables[0]</c>).</summary>
    public JsonFieldReader Below(string field) => new(where, Qualified(field));

    public InvalidDataException Error(string field, string reason) =>
        new($"{where}: '{Qualified(field)}' {reason}.");

    public void RequireObject(JsonElement element, string? field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: '{Qualified(field) ?? "(root)"}' must be a JSON object.");
        }
    }

    /// <param name="kind">What the known fields are, for the message: "a policy field", "a table field".</param>
    public void RejectUnknown(JsonElement element, string? field, IReadOnlyList<string> known, string kind)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var name = field is null ? property.Name : $"{field}.{property.Name}";
                throw Error(name, $"is not {kind}; known: {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>The field of <paramref name="parent"/>; a missing one is an error naming it.</summary>
    public JsonElement Required(JsonElement parent, string field) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(field, out var value) ? value : throw Error(field, "is required");

    /// <summary>The field of <paramref name="parent"/>, or null when it is missing or JSON null.</summary>
    public static JsonElement? Optional(JsonElement parent, string field) =>
        parent.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string Text(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(field, "must be a string");

    /// <summary>A string with something in it besides white space.</summary>
    public string NonEmptyText(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Error(field, "must be a non-empty string");

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string OneOf(JsonElement value, string field, IReadOnlyList<string> allowed)
    {
        var text = Text(value, field);
        return allowed.Contains(text, StringComparer.Ordinal) ? text : throw Error(field, $"is '{text}', not one of {string.Join(", ", allowed)}");
    }

    public JsonElement[] Array(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : throw Error(field, "must be an array");

    public bool Boolean(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(field, "must be true or false"),
    };

    public int Whole(JsonElement value, string field, int min, int max) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw Error(field, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {min} to {max}, not {value.GetRawText()}"));

    public double Number(JsonElement value, string field, double min, double max, bool lowerOpen = false) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var x) && (lowerOpen ? x > min : x >= min) && x <= max
            ? x
            : throw Error(field, string.Create(CultureInfo.InvariantCulture,
                $"must be a number {(lowerOpen ? "above" : "from")} {min} {(lowerOpen ? "up to" : "to")} {max}, not {value.GetRawText()}"));

    /// <summary>An exact decimal (an amount of money) from <paramref name="min"/> to <paramref name="max"/> with at most <paramref name="decimals"/> decimals.</summary>
    public decimal Decimal(JsonElement value, string field, decimal min, decimal max, int decimals) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var x) && x >= min && x <= max && decimal.Round(x, decimals) == x
            ? x
            : throw Error(field, string.Create(CultureInfo.InvariantCulture,
                $"must be a number from {min} to {max} with at most {decimals} decimals, not {value.GetRawText()}"));

    private string? Qualified(string? field) =>
        field is null ? path : path is null ? field : field.StartsWith('[') ? $"{path}{field}" : $"{path}.{field}";
}
