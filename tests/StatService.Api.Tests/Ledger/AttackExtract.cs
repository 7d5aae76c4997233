using StatService.Core.CodeLists;
using StatService.Data.Tests.Cohorts;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// A generated extract small enough for many orders per test (6,000 persons, 2019-2023) yet with small groups at the
/// edges of definitions, and its raw rows for the attacker.
/// </summary>
public sealed class AttackExtract() : EndToEnd.SyntheticExtractFixture("attack-extract", persons: 6_000, seed: 23)
{
    /// <summary>The ICD-10 chapter of a diagnosis code, from the public code list: the attacker reads every group-profile table.</summary>
    public Func<string, string?> ChapterOf { get; } =
        CohortSpecs.ChaptersOf(CodeListSet.Load(Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists")));
}

[CollectionDefinition(Name)]
public sealed class AttackExtractCollection : ICollectionFixture<AttackExtract>
{
    public const string Name = "Generated extract for attacks across releases";
}
