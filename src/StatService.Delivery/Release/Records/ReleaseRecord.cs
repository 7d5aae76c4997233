using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatService.Delivery.Release.Records;

/// <summary>
/// The result document as stored and served (<c>GET /api/orders/{id}/result</c>): one set of records, written and read by
/// <see cref="ReleaseJson"/>, so the writer and every deliverable rendered from the stored text cannot drift apart.
/// Only published values are here: never contributions, cell keys or which hidden cells are primary.
/// </summary>
public sealed record ReleaseRecord(
    string OrderId,
    string Product,
    JsonElement Parameters,
    string ExtractVersion,
    string Measure,
    DateTimeOffset? CreatedAt,
    DisclosureRecord Disclosure,
    IReadOnlyList<TableRecord> Tables);

/// <summary>
/// The disclosure summary. <see cref="AuditPassed"/> is always true (a release whose audit fails is never written); it is
/// kept because the result format documents it.
/// </summary>
public sealed record DisclosureRecord(
    string Rule,
    string Policy,
    int SuppressedCells,
    bool AuditPassed,
    int AuditedCells,
    string? Method,
    bool? Additive)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LossRecord? InformationLoss { get; init; }

    /// <summary>How many earlier releases were compared; how many cells they hid is never written (it would tell that a difference is small).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DifferencingRecord? Differencing { get; init; }
}

/// <summary>
/// Information loss of a table or of the release; shares are fractions (0.25 = 25 %). Primary and secondary suppressions
/// are not told apart: that would say how many hidden cells are small.
/// </summary>
public sealed record LossRecord(
    int Cells,
    int CellsSuppressed,
    double ShareOfCellsSuppressed,
    int CellsRounded,
    int CellsPerturbed,
    double ShareOfCellsAdjusted,
    double? ShareOfTotalHidden);

public sealed record DifferencingRecord(int EarlierReleasesCompared);

public sealed record TableRecord(string Name, IReadOnlyList<DimensionRecord> Dimensions, IReadOnlyList<CellRecord> Cells)
{
    /// <summary>Null for a table derived after protection (rates from published counts): it has no loss of its own.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LossRecord? InformationLoss { get; init; }
}

public sealed record DimensionRecord(string Name, IReadOnlyList<CodeRecord> Codes);

/// <summary>A code; <see cref="Parent"/> is null for the total.</summary>
public sealed record CodeRecord(string Code, string Label, string? Parent);

/// <summary>A cell: its code per dimension name, the value (null when hidden) and the status.</summary>
public sealed record CellRecord(IReadOnlyDictionary<string, string> Coordinates, long? Value, string Status);
