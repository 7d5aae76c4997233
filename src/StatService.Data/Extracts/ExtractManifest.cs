using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatService.Data.Extracts;

/// <summary>
/// The <c>manifest.json</c> beside an extract's Parquet files: what the extract is and what it covers.
/// An extract folder is immutable once its manifest is written (the manifest is written last).
/// </summary>
public sealed record ExtractManifest
{
    public const string FileName = "manifest.json";

    public const int CurrentSchemaVersion = 1;

    public required int SchemaVersion { get; init; }

    /// <summary>The version name orders record, e.g. <c>synthetic-60000-s42</c>.</summary>
    public required string ExtractVersion { get; init; }

    /// <summary><c>synthetic</c> or <c>imported</c>.</summary>
    public required string Kind { get; init; }

    public required DateOnly CoverageFrom { get; init; }

    public required DateOnly CoverageTo { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Seed and person count of a synthetic extract; null for imported ones.</summary>
    public long? Seed { get; init; }

    public long? Persons { get; init; }

    /// <summary>Table name (e.g. <c>lpr_f_diagnoser</c>) to its file (relative to the folder) and row count.</summary>
    public required IReadOnlyDictionary<string, ExtractTable> Tables { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ExtractManifest Read(string folder) =>
        JsonSerializer.Deserialize<ExtractManifest>(File.ReadAllText(Path.Combine(folder, FileName)), JsonOptions)
        ?? throw new InvalidDataException($"Empty manifest in extract folder '{Path.GetFileName(folder)}'.");

    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions));
}

public sealed record ExtractTable(string File, long Rows);
