using System.ComponentModel.DataAnnotations;

namespace StatService.Data.Extracts;

/// <summary>Where extracts live and how DuckDB may use the machine.</summary>
public sealed class ExtractOptions
{
    public const string Section = "Extracts";

    /// <summary>Folder holding one sub-folder per extract version (each with manifest.json). Relative paths are under the data directory.</summary>
    [Required]
    public string Directory { get; set; } = "extracts";

    /// <summary>DuckDB worker threads per extract database; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>DuckDB memory limit, e.g. "4GB"; empty leaves DuckDB's default (80 % of RAM).</summary>
    [RegularExpression(@"^(\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB))?$")]
    public string MemoryLimit { get; set; } = string.Empty;

    /// <summary>
    /// How often every version's files are checked against their manifest checksums (besides when a version is
    /// opened); the first check runs at start. Zero turns the scheduled check off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan IntegrityCheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Open the newest version and run each product's example once at start (in the background), so the first order
    /// after a start costs what the tenth does.
    /// </summary>
    public bool WarmOnStart { get; set; } = true;

    /// <summary>Generate a small synthetic extract on start when no extract exists (the embedded default).</summary>
    public bool GenerateDemoIfMissing { get; set; } = true;

    [Range(1_000, 10_000_000)]
    public int DemoPersons { get; set; } = 60_000;

    public long DemoSeed { get; set; } = 42;
}
