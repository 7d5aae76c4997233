using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.OrderSpec;
using StatService.Core.Tables;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Synthetic;
using StatService.Worker.Pipeline;

namespace StatService.Data.Tests.Cohorts;

/// <summary>One generated extract (20,000 persons, 2019-2023) shared by the query tests, plus its raw rows.</summary>
public sealed class SharedExtract : IAsyncLifetime, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"statservice-query-tests-{Guid.NewGuid():N}");
    private ExtractDatabases? _databases;

    public RegisterRows Rows { get; private set; } = null!;

    public ExtractInfo Extract { get; private set; } = null!;

    public ProductCatalogue Catalogue { get; } = ProductCatalogue.Load(PipelineRegistration.DefaultQueriesDirectory);

    public Core.CodeLists.CodeListSet CodeLists { get; } = Core.CodeLists.CodeListSet.Load(Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists"));

    private ExtractQueryRunner Runner { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var manifest = await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = 20_000,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = 11,
            OutputDirectory = Path.Combine(_root, "synthetic-20000-s11"),
        });
        var registry = new ExtractRegistry(_root);
        Extract = registry.Find(manifest.ExtractVersion)!;
        _databases = new ExtractDatabases(registry, new ExtractOptions());
        Runner = new ExtractQueryRunner(_databases);
        Rows = RegisterRows.Read(registry.FolderOf(manifest.ExtractVersion)!);
    }

    public ProcedureCodes Procedures { get; } = ProcedureCodes.Load(Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists"));

    public Breakdowns Breakdowns => new(CodeLists);

    /// <summary>Validated parameters, exactly as the API would store them.</summary>
    public CohortParameters Read(string parametersJson, string productId = "patient-count")
    {
        using var document = JsonDocument.Parse(parametersJson);
        var errors = new ValidationErrors();
        var product = Catalogue.Find(productId)!;
        var parameters = new CohortParametersReader(CodeLists, Procedures, new OrderLimits()).Read(document.RootElement, Extract, product, errors);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return parameters!;
    }

    /// <summary>The product's query on the extract, built into its tables (before protection).</summary>
    public Task<IReadOnlyList<CountTable>> RunAsync(string productId, CohortParameters parameters) =>
        OrderPipeline.QueryTablesAsync(Catalogue.Find(productId)!, parameters, Breakdowns, Runner, Extract.Version, CancellationToken.None);

    /// <summary>The product's query with the order's attribute relaxations as variants, as the pipeline runs it.</summary>
    public Task<QueriedTables> RunVariantsAsync(string productId, CohortParameters parameters, IReadOnlyList<CohortRelaxation> variants) =>
        OrderPipeline.QueryVariantsAsync(Catalogue.Find(productId)!, parameters, variants, Breakdowns, Runner, Extract.Version, CancellationToken.None);

    /// <summary>A product from elsewhere (a changed copy of the catalogue), with the record-key secret's pads.</summary>
    public Task<IReadOnlyList<CountTable>> RunAsync(ProductDefinition product, CohortParameters parameters, RecordKeyPads recordKeys) =>
        OrderPipeline.QueryTablesAsync(product, parameters, Breakdowns, Runner, Extract.Version, CancellationToken.None, recordKeys);

    public async Task<CountTable> RunPatientCountAsync(CohortParameters parameters) => (await RunAsync("patient-count", parameters)).Single();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _databases?.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedExtractCollection : ICollectionFixture<SharedExtract>
{
    public const string Name = "Shared generated extract";
}
