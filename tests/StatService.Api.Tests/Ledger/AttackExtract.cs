using StatService.Core.CodeLists;
using StatService.Data.Tests.Cohorts;
using StatService.Data.Extracts.Synthetic;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// A generated extract small enough for many orders per test (6,000 persons, 2019-2023) yet with small groups at the
/// edges of definitions, and its raw rows for the attacker.
/// </summary>
public sealed class AttackExtract : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "statservice-tests", $"attack-extract-{Guid.NewGuid():N}");

    public RegisterRows Rows { get; private set; } = null!;

    public string Version { get; private set; } = string.Empty;

    /// <summary>The ICD-10 chapter of a diagnosis code, from the public code list: the attacker reads every group-profile table.</summary>
    public Func<string, string?> ChapterOf { get; } =
        CohortSpecs.ChaptersOf(CodeListSet.Load(Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists")));

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(Directory, "synthetic-6000-s23");
        var manifest = await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = 6_000,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = 23,
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
public sealed class AttackExtractCollection : ICollectionFixture<AttackExtract>
{
    public const string Name = "Generated extract for attacks across releases";
}
