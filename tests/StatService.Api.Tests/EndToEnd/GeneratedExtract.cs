namespace StatService.Api.Tests.EndToEnd;

/// <summary>A synthetic extract of 20,000 persons generated once for the end-to-end tests, with its raw rows for independent checks.</summary>
public sealed class GeneratedExtract() : SyntheticExtractFixture("extracts", persons: 20_000, seed: 5);

[CollectionDefinition(Name)]
public sealed class GeneratedExtractCollection : ICollectionFixture<GeneratedExtract>
{
    public const string Name = "Generated extract for end-to-end orders";
}
