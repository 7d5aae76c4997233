using StatService.Data.Extracts.Synthetic;

namespace StatService.Cli.Tests;

/// <summary>A synthetic extract of 1,000 persons generated once per test class, up to 2023, in a folder of its own.</summary>
public abstract class SmallSyntheticExtract(string name, int seed, int fromYear) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "statservice-tests", $"{name}-{Guid.NewGuid():N}");

    public string Folder => Path.Combine(_root, $"synthetic-1000-s{seed}");

    public Task InitializeAsync() => SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
    {
        Persons = 1_000,
        From = new DateOnly(fromYear, 1, 1),
        To = new DateOnly(2023, 12, 31),
        Seed = seed,
        OutputDirectory = Folder,
    });

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a child process ending) is left to the temporary folder's own cleaning.
        }

        return Task.CompletedTask;
    }
}
