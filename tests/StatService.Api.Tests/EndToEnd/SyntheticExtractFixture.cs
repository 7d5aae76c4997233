using StatService.Data.Extracts.Synthetic;
using StatService.Data.Tests.Cohorts;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>
/// A synthetic extract (2019-2023) generated once per test collection in a folder of its own, with its raw rows for the
/// independent checks; removed when the collection ends.
/// </summary>
public abstract class SyntheticExtractFixture(string name, int persons, int seed) : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "statservice-tests", $"{name}-{Guid.NewGuid():N}");

    public RegisterRows Rows { get; private set; } = null!;

    public string Version { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(Directory, $"synthetic-{persons}-s{seed}");
        var manifest = await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = persons,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = seed,
            OutputDirectory = folder,
        });
        Version = manifest.ExtractVersion;
        Rows = RegisterRows.Read(folder);
    }

    public Task DisposeAsync()
    {
        TemporaryDirectory.Delete(Directory);
        return Task.CompletedTask;
    }
}
