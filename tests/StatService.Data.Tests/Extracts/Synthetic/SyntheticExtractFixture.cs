using StatService.Data.Extracts;
using StatService.Data.Extracts.Synthetic;

namespace StatService.Data.Tests.Extracts.Synthetic;

/// <summary>
/// Generates the extracts the synthetic-extract tests read, once per test run: a main extract,
/// its twin (same seed and arguments, but one DuckDB thread and so little memory that large tables
/// are sorted in chunks) and one with another seed.
/// 20,000 persons keep generation quick yet give every disease enough cases to test shares.
/// </summary>
public sealed class SyntheticExtractFixture : IAsyncLifetime
{
    public const long Persons = 20_000;
    public const long Seed = 11;
    public static readonly DateOnly From = new(2019, 1, 1);
    public static readonly DateOnly To = new(2023, 12, 31);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "statservice-synthetic-" + Guid.NewGuid().ToString("N"));

    public ExtractQueries Main { get; private set; } = null!;

    public ExtractQueries Twin { get; private set; } = null!;

    public ExtractQueries OtherSeed { get; private set; } = null!;

    public ExtractManifest Manifest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Manifest = await SyntheticExtractGenerator.GenerateAsync(Options("main"));
        Main = new ExtractQueries(Path.Combine(_root, "main"), Manifest);
        var twin = Options("twin") with { Threads = 1, MemoryLimitBytes = 160L * 1024 * 1024 };
        Twin = new ExtractQueries(twin.OutputDirectory, await SyntheticExtractGenerator.GenerateAsync(twin));
        var other = Options("other", Seed + 1);
        OtherSeed = new ExtractQueries(other.OutputDirectory, await SyntheticExtractGenerator.GenerateAsync(other));
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }

    public SyntheticExtractOptions Options(string folder, long seed = Seed) => new()
    {
        Persons = Persons,
        From = From,
        To = To,
        Seed = seed,
        OutputDirectory = Path.Combine(_root, folder),
        MemoryLimitBytes = 2L * 1024 * 1024 * 1024,
    };
}

[CollectionDefinition(Name)]
public sealed class SyntheticExtractCollection : ICollectionFixture<SyntheticExtractFixture>
{
    public const string Name = "synthetic extract";
}
