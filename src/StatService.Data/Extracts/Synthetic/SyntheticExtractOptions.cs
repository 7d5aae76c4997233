using System.ComponentModel.DataAnnotations;

namespace StatService.Data.Extracts.Synthetic;

/// <summary>What to generate: how many residents, which period, which seed, and where to.</summary>
public sealed record SyntheticExtractOptions
{
    /// <summary>National residents; register magnitudes are scaled by <see cref="Persons"/> / this.</summary>
    public const long NationalPersons = 5_900_000;

    /// <summary>Residents at the start of coverage; births and immigrants during coverage come on top.</summary>
    [Range(1, 20_000_000)]
    public required long Persons { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public long Seed { get; init; } = 1;

    [Required]
    public required string OutputDirectory { get; init; }

    /// <summary>DuckDB memory limit in bytes; by default 60 % of the memory available to the process.</summary>
    [Range(64L * 1024 * 1024, long.MaxValue)]
    public long? MemoryLimitBytes { get; init; }

    /// <summary>DuckDB worker threads; by default one per processor. Results do not depend on it.</summary>
    [Range(1, 1024)]
    public int? Threads { get; init; }

    public string ExtractVersion => $"synthetic-{Persons}-s{Seed}";

    public double Scale => (double)Persons / NationalPersons;

    public double Years => (To.DayNumber - From.DayNumber + 1) / 365.25;

    public void Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        if (To < From)
        {
            throw new ValidationException($"Coverage ends ({To:yyyy-MM-dd}) before it starts ({From:yyyy-MM-dd}).");
        }
    }

    internal long EffectiveMemoryLimitBytes =>
        MemoryLimitBytes ?? (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.6);

    internal int EffectiveThreads => Threads ?? Environment.ProcessorCount;

    /// <summary>
    /// Rows DuckDB sorts at once when writing a register: a generous 400 bytes a row of the memory
    /// limit (a sorted dispensing row, with its share of hash tables and buffers, takes about 200).
    /// </summary>
    internal long MaxSortRows => Math.Max(100_000, EffectiveMemoryLimitBytes / 400);
}
