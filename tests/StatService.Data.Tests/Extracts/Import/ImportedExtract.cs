using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Import;
using StatService.Data.Extracts.Synthetic;
using StatService.Worker.Pipeline;

namespace StatService.Data.Tests.Extracts.Import;

/// <summary>
/// A generated extract (3,000 persons, Parquet), delivered as SDS-style CSV and imported as a DuckDB
/// version into the same extracts folder, so both versions can answer the same orders.
/// </summary>
public sealed class ImportedExtract : IAsyncLifetime, IDisposable
{
    public const string ImportedVersion = "sds-test-1";

    private ExtractDatabases? _databases;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"statservice-import-tests-{Guid.NewGuid():N}");

    public string Extracts => Path.Combine(Root, "extracts");

    public string Delivery => Path.Combine(Root, "delivery");

    public ExtractManifest Source { get; private set; } = null!;

    public string SourceFolder { get; private set; } = null!;

    public ExtractImportResult Imported { get; private set; } = null!;

    public ExtractRegistry Registry { get; private set; } = null!;

    public ExtractDatabases Databases => _databases!;

    public ProductCatalogue Catalogue { get; } = ProductCatalogue.Load(PipelineRegistration.DefaultQueriesDirectory);

    public CodeListSet CodeLists { get; } = CodeListSet.Load(Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists"));

    public ProcedureCodes Procedures { get; } = ProcedureCodes.Load(Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists"));

    public async Task InitializeAsync()
    {
        SourceFolder = Path.Combine(Extracts, "synthetic-3000-s5");
        Source = await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = 3_000,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = 5,
            OutputDirectory = SourceFolder,
        });
        SdsDelivery.Write(SourceFolder, Delivery);
        Imported = await ExtractImporter.ImportAsync(new ExtractImportRequest(Delivery, ImportedVersion, Extracts) { CodeLists = CodeLists });
        Registry = new ExtractRegistry(Extracts);
        _databases = new ExtractDatabases(Registry, new ExtractOptions());
    }

    /// <summary>A product's example order, validated against the Parquet version and run on <paramref name="version"/>.</summary>
    public async Task<IReadOnlyList<CountTable>> RunExampleAsync(string productId, string version)
    {
        var product = Catalogue.Find(productId)!;
        var example = product.Example.TryGetProperty("parameters", out var inner) ? inner : product.Example;
        var errors = new ValidationErrors();
        var parameters = new CohortParametersReader(CodeLists, Procedures, new OrderLimits())
            .Read(example, Registry.Find(Source.ExtractVersion)!, product, errors);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return await OrderPipeline.QueryTablesAsync(product, parameters!, new Breakdowns(CodeLists), new ExtractQueryRunner(Databases), version, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _databases?.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ImportedExtractCollection : ICollectionFixture<ImportedExtract>
{
    public const string Name = "Imported SDS delivery";
}
