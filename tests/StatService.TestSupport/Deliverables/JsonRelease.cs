using System.Text.Json;

namespace StatService.TestSupport.Deliverables;

/// <summary>The cells of a JSON release, read directly with JsonDocument (not with the writers' own reader).</summary>
public sealed record JsonRelease(IReadOnlyList<JsonReleaseTable> Tables)
{
    public static JsonRelease Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonRelease(document.RootElement.GetProperty("tables").EnumerateArray().Select(table =>
        {
            var dimensions = table.GetProperty("dimensions").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).ToArray();
            var cells = table.GetProperty("cells").EnumerateArray().Select(cell =>
            {
                var coordinates = cell.GetProperty("coordinates");
                var value = cell.GetProperty("value");
                return new JsonReleaseCell(
                    dimensions.Select(d => coordinates.GetProperty(d).GetString()!).ToArray(),
                    value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null,
                    cell.GetProperty("status").GetString()!);
            }).ToArray();
            var labels = table.GetProperty("dimensions").EnumerateArray().ToDictionary(
                d => d.GetProperty("name").GetString()!,
                d => (IReadOnlyDictionary<string, string>)d.GetProperty("codes").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("label").GetString()!));
            return new JsonReleaseTable(table.GetProperty("name").GetString()!, dimensions, cells) { Labels = labels };
        }).ToArray());
    }
}

public sealed record JsonReleaseTable(string Name, IReadOnlyList<string> Dimensions, IReadOnlyList<JsonReleaseCell> Cells)
{
    /// <summary>Each dimension's code names, by code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Labels { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public string Key(JsonReleaseCell cell) => string.Join(";", Dimensions.Select((d, i) => $"{d}={cell.Codes[i]}"));

    public string Label(string dimension, string code) => Labels[dimension][code];
}

public sealed record JsonReleaseCell(IReadOnlyList<string> Codes, long? Value, string Status);
