using StatService.Data.Extracts.Synthetic;

namespace StatService.Api.Tests.Recovery;

/// <summary>
/// A synthetic extract of a realistic size, so an order's query is not instant and a kill finds orders mid-run.
/// Generated once for all kill-and-restart cases; the service processes only read it.
/// </summary>
public sealed class RecoveryExtract : IAsyncLifetime
{
    public const int Persons = 60_000;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "statservice-tests", $"recovery-extracts-{Guid.NewGuid():N}");

    public string Version { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var options = new SyntheticExtractOptions
        {
            Persons = Persons,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = 11,
            OutputDirectory = Path.Combine(Directory, $"synthetic-{Persons}-s11"),
        };
        var manifest = await SyntheticExtractGenerator.GenerateAsync(options);
        Version = manifest.ExtractVersion;
    }

    public Task DisposeAsync()
    {
        TemporaryDirectory.Delete(Directory);
        return Task.CompletedTask;
    }
}
