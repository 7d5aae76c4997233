using System.Globalization;
using System.Text.Json;

namespace StatService.Delivery.Release;

/// <summary>
/// The stored JSON release read back, so every derived deliverable (XLSX, report) shows exactly the
/// numbers of the JSON and never anything the JSON does not hold.
/// </summary>
public sealed record ReleaseDocument(
    string OrderId,
    string Product,
    IReadOnlyList<ParameterLine> Parameters,
    string ExtractVersion,
    string Measure,
    string? CreatedAt,
    ReleaseDisclosure Disclosure,
    IReadOnlyList<ReleaseTable> Tables)
{
    /// <summary>The cohort definition in words, in the language being written; null when the writer was not given it.</summary>
    public string? Definition { get; init; }

    /// <summary>The product's title in the language being written; null when the writer was not given it.</summary>
    public string? ProductTitle { get; init; }

    /// <summary>What the reader must bear in mind, in the language being written; empty when there is nothing or the writer was not given it.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static ReleaseDocument Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ReleaseDocument(
            Text(root, "orderId"),
            Text(root, "product"),
            root.TryGetProperty("parameters", out var parameters) ? ParameterLine.Flatten(parameters) : [],
            Text(root, "extractVersion"),
            Text(root, "measure"),
            root.TryGetProperty("createdAt", out var created) && created.ValueKind == JsonValueKind.String ? created.GetString() : null,
            ReleaseDisclosure.Read(root.GetProperty("disclosure")),
            root.GetProperty("tables").EnumerateArray().Select(ReleaseTable.Read).ToArray());
    }

    internal static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : string.Empty;

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

/// <summary>
/// The disclosure summary of a release; <see cref="EarlierReleasesCompared"/> is null for a release not checked against
/// the release ledger; <see cref="Other"/> keeps fields added later, shown as they are.
/// </summary>
public sealed record ReleaseDisclosure(
    string Rule,
    string Policy,
    int SuppressedCells,
    int AuditedCells,
    IReadOnlyList<ParameterLine> Other)
{
    // auditPassed is always true (a release whose audit fails is never written), so it is known and not read.
    private static readonly string[] Known = ["rule", "policy", "suppressedCells", "auditPassed", "auditedCells", "differencing"];

    public int? EarlierReleasesCompared { get; init; }

    internal static ReleaseDisclosure Read(JsonElement disclosure) => new(
        ReleaseDocument.Text(disclosure, "rule"),
        ReleaseDocument.Text(disclosure, "policy"),
        disclosure.TryGetProperty("suppressedCells", out var suppressed) ? suppressed.GetInt32() : 0,
        disclosure.TryGetProperty("auditedCells", out var audited) ? audited.GetInt32() : 0,
        disclosure.EnumerateObject()
            .Where(p => !Known.Contains(p.Name, StringComparer.Ordinal))
            .SelectMany(p => ParameterLine.Flatten(p.Value).Select(l => l with { Name = l.Name.Length == 0 ? p.Name : $"{p.Name}.{l.Name}" }))
            .ToArray())
    {
        EarlierReleasesCompared = disclosure.TryGetProperty("differencing", out var differencing)
            && differencing.TryGetProperty("earlierReleasesCompared", out var compared) && compared.TryGetInt32(out var n)
                ? n
                : null,
    };
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

    internal static ReleaseTable Read(JsonElement table)
    {
        var dimensions = table.GetProperty("dimensions").EnumerateArray()
            .Select(d => new ReleaseDimension(
                ReleaseDocument.Text(d, "name"),
                d.GetProperty("codes").EnumerateArray()
                    .Select(c => new ReleaseCode(
                        ReleaseDocument.Text(c, "code"),
                        ReleaseDocument.Text(c, "label"),
                        c.TryGetProperty("parent", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null))
                    .ToArray()))
            .ToArray();
        var cells = table.GetProperty("cells").EnumerateArray()
            .Select(c =>
            {
                var coordinates = c.GetProperty("coordinates");
                return new ReleaseCell(
                    dimensions.Select(d => ReleaseDocument.Text(coordinates, d.Name)).ToArray(),
                    c.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null,
                    ReleaseDocument.Text(c, "status"));
            })
            .ToArray();
        return new ReleaseTable(ReleaseDocument.Text(table, "name"), dimensions, cells);
    }
}
