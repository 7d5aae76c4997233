using System.Globalization;
using System.Text.Json;
using StatService.Delivery.Release.Records;

namespace StatService.Delivery.Release;

/// <summary>
/// The stored release read back through its records (<see cref="ReleaseJson"/>), so every derived deliverable (XLSX,
/// report, CSV) shows exactly the numbers of the JSON and never anything the JSON does not hold.
/// </summary>
public sealed record ReleaseDocument(
    string OrderId,
    string Product,
    IReadOnlyList<ParameterLine> Parameters,
    string ExtractVersion,
    string Measure,
    DateTimeOffset? CreatedAt,
    ReleaseDisclosure Disclosure,
    IReadOnlyList<ReleaseTable> Tables)
{
    /// <summary>The cohort definition in words, in the language being written; null when the writer was not given it.</summary>
    public string? Definition { get; init; }

    /// <summary>The product's title in the language being written; null when the writer was not given it.</summary>
    public string? ProductTitle { get; init; }

    /// <summary>What the reader must bear in mind, in the language being written; empty when there is nothing or the writer was not given it.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <exception cref="InvalidDataException">The text is not a release document.</exception>
    public static ReleaseDocument Parse(string json) => From(ReleaseJson.Read(json));

    public static ReleaseDocument From(ReleaseRecord release) => new(
        release.OrderId,
        release.Product,
        release.Parameters.ValueKind == JsonValueKind.Undefined ? [] : ParameterLine.Flatten(release.Parameters),
        release.ExtractVersion,
        release.Measure,
        release.CreatedAt,
        new ReleaseDisclosure(release.Disclosure.Rule, release.Disclosure.Policy, release.Disclosure.SuppressedCells, release.Disclosure.AuditedCells)
        {
            EarlierReleasesCompared = release.Disclosure.Differencing?.EarlierReleasesCompared,
        },
        [.. release.Tables.Select(ReleaseTable.From)]);

    internal static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Number => value.TryGetInt64(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}

/// <summary>One parameter of the cohort definition, flattened to a dotted name (<c>diagnoses.include</c>) and its value in words.</summary>
public sealed record ParameterLine(string Name, string Value)
{
    public static IReadOnlyList<ParameterLine> Flatten(JsonElement parameters)
    {
        var lines = new List<ParameterLine>();
        Add(parameters, string.Empty, lines);
        return lines;
    }

    private static void Add(JsonElement element, string name, List<ParameterLine> lines)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(property.Value, name.Length == 0 ? property.Name : $"{name}.{property.Name}", lines);
                }

                break;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(ReleaseDocument.Scalar).ToArray();
                lines.Add(new ParameterLine(name, items.Length == 0 ? "(none)" : string.Join(", ", items)));
                break;
            case JsonValueKind.Null:
                lines.Add(new ParameterLine(name, "(any)"));
                break;
            default:
                lines.Add(new ParameterLine(name, ReleaseDocument.Scalar(element)));
                break;
        }
    }
}

/// <summary>The disclosure summary of a release; <see cref="EarlierReleasesCompared"/> is null for a release not checked against the release ledger.</summary>
public sealed record ReleaseDisclosure(string Rule, string Policy, int SuppressedCells, int AuditedCells)
{
    public int? EarlierReleasesCompared { get; init; }
}

public sealed record ReleaseCode(string Code, string Label, string? Parent)
{
    public bool IsTotal => Parent is null;
}

public sealed record ReleaseDimension(string Name, IReadOnlyList<ReleaseCode> Codes);

/// <summary>A cell: its code per dimension (in the table's dimension order), the value (null when suppressed) and the status.</summary>
public sealed record ReleaseCell(IReadOnlyList<string> Codes, long? Value, string Status)
{
    public bool IsSuppressed => Value is null || Status != CellStatusText.Published;
}

public sealed record ReleaseTable(string Name, IReadOnlyList<ReleaseDimension> Dimensions, IReadOnlyList<ReleaseCell> Cells)
{
    private Dictionary<string, ReleaseCell>? _byKey;

    public int SuppressedCount => Cells.Count(c => c.IsSuppressed);

    /// <summary>Share of cells suppressed: the information loss a reader of this table bears.</summary>
    public double SuppressedShare => Cells.Count == 0 ? 0 : (double)SuppressedCount / Cells.Count;

    public ReleaseCell? Find(IReadOnlyList<string> codes)
    {
        _byKey ??= Cells.GroupBy(c => Key(c.Codes), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _byKey.GetValueOrDefault(Key(codes));
    }

    public string LabelOf(int dimension, string code) =>
        Dimensions[dimension].Codes.FirstOrDefault(c => c.Code == code)?.Label ?? code;

    private static string Key(IReadOnlyList<string> codes) => string.Join('\u001f', codes);

    internal static ReleaseTable From(TableRecord table)
    {
        var dimensions = table.Dimensions
            .Select(d => new ReleaseDimension(d.Name, [.. d.Codes.Select(c => new ReleaseCode(c.Code, c.Label, c.Parent))]))
            .ToArray();
        var cells = table.Cells
            .Select(c => new ReleaseCell([.. dimensions.Select(d => c.Coordinates.GetValueOrDefault(d.Name) ?? string.Empty)], c.Value, c.Status))
            .ToArray();
        return new ReleaseTable(table.Name, dimensions, cells);
    }
}
