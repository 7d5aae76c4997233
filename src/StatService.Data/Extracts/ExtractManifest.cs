using System.Text.Json;
using System.Text.Json.Serialization;

namespace StatService.Data.Extracts;

/// <summary>
/// The <c>manifest.json</c> of an extract version: what the extract is, what it covers and where its
/// tables are (Parquet files beside it, or one DuckDB database file). A version folder is immutable
/// once its manifest is written (the manifest is written last).
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

    /// <summary>
    /// The DuckDB database file (relative to the folder) holding every table of an imported version;
    /// null for a version stored as one Parquet file per table.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>Table name (e.g. <c>lpr_f_diagnoser</c>) to its file (relative to the folder; the database file for a DuckDB version) and row count.</summary>
    public required IReadOnlyDictionary<string, ExtractTable> Tables { get; init; }

    /// <summary>
    /// Every file of the version with its size and SHA-256, checked when the version is opened and on a schedule
    /// (<see cref="ExtractIntegrity"/>); null in manifests written before checksums were kept.
    /// </summary>
    public IReadOnlyList<ExtractFileChecksum>? Files { get; init; }

    /// <summary>The delivered files an imported version was made from, with their checksums.</summary>
    public IReadOnlyList<SourceFile>? Sources { get; init; }

    /// <summary>What the import validation reported without refusing the delivery.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    /// <summary><c>duckdb</c> for a database file, <c>parquet</c> for Parquet files.</summary>
    [JsonIgnore]
    public string Storage => Database is null ? "parquet" : "duckdb";

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

/// <summary>A delivered file: the table it held, its name, format, SHA-256, size in bytes and data rows.</summary>
public sealed record SourceFile(string Table, string File, string Format, string Sha256, long Bytes, long Rows);
