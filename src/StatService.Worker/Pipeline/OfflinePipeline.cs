using System.Security.Cryptography;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Core.OrderSpec;
using StatService.Data.Extracts;
using StatService.Disclosure;

namespace StatService.Worker.Pipeline;

/// <summary>
/// The order pipeline and its validator composed by hand over one extract version, without a host: what the CLI's
/// benchmarks and the tests that run orders outside the service use. Products and code lists are the shipped ones;
/// orders are validated against that version, not whichever is newest beside it. A null ledger checks and records
/// nothing, as <see cref="OrderPipeline"/> describes.
/// </summary>
public sealed class OfflinePipeline : IDisposable
{
    /// <param name="extractsDirectory">The folder holding the extract versions.</param>
    /// <param name="version">The extract version orders are validated against.</param>
    /// <param name="policy">Protects every product with this policy instead of its own (to compare methods on the same order).</param>
    /// <param name="extractOptions">How DuckDB may use the machine (threads, memory limit); default: the service's defaults.</param>
    public OfflinePipeline(
        string extractsDirectory, string version, IReleaseLedger? ledger = null, ICrossReleaseAudit? crossReleaseAudit = null, DisclosurePolicy? policy = null,
        ExtractOptions? extractOptions = null)
    {
        var queries = PipelineRegistration.DefaultQueriesDirectory;
        var codeLists = CodeListSet.Load(Path.Combine(queries, "codelists"));
        var catalogue = ProductCatalogue.Load(queries);
        Catalogue = policy is null ? catalogue : new ProductCatalogue(catalogue.Ids.Select(id => catalogue.Find(id)! with { Disclosure = policy }));
        var registry = new ExtractRegistry(extractsDirectory);
        Databases = new ExtractDatabases(registry, extractOptions ?? new ExtractOptions());
        Breakdowns = new Breakdowns(codeLists);
        Queries = new ExtractQueryRunner(Databases);
        // A secret of the run's own: cell-key orders need one, and nothing run here may use a deployment's.
        var recordKeys = new RecordKeySecret(RecordKeyPads.From(RandomNumberGenerator.GetBytes(32)));
        Pipeline = new OrderPipeline(Catalogue, Breakdowns, registry, Queries, new ReleaseProtection(), TimeProvider.System, ledger, crossReleaseAudit, recordKeys);
        Validator = new OrderRequestValidator(
            Catalogue, new CohortParametersReader(codeLists, ProcedureCodes.Load(Path.Combine(queries, "codelists")), new OrderLimits()),
            new PinnedExtract(registry, version));
    }

    public ProductCatalogue Catalogue { get; }

    public Breakdowns Breakdowns { get; }

    public ExtractDatabases Databases { get; }

    public ExtractQueryRunner Queries { get; }

    public OrderPipeline Pipeline { get; }

    public OrderRequestValidator Validator { get; }

    public void Dispose() => Databases.Dispose();
}
