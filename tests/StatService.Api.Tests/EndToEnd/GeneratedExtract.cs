using StatService.Data.Extracts.Synthetic;
using StatService.Data.Tests.Cohorts;

namespace StatService.Api.Tests.EndToEnd;

/// <summary>A synthetic extract generated once for the end-to-end tests, with its raw rows for independent checks.</summary>
public sealed class GeneratedExtract : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "statservice-tests", $"extracts-{Guid.NewGuid():N}");

    public RegisterRows Rows { get; private set; } = null!;

    public string Version { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(Directory, "synthetic-20000-s5");
        var manifest = await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = 20_000,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = 5,
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

[CollectionDefinition(Name)]
public sealed class GeneratedExtractCollection : ICollectionFixture<GeneratedExtract>
{
    public const string Name = "Generated extract for end-to-end orders";
}
