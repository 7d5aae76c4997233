using System.Security.Cryptography;
using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.Orders;
using StatService.Data.Extracts;
using StatService.Disclosure;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// The service's own order pipeline with no release ledger: each release protected only against itself, as the offline
/// benchmark runs orders. What the ledger's absence discloses (the negative control) and what a release would have been
/// alone (the price of protection across releases) both come from here.
/// </summary>
internal sealed class LedgerlessPipeline : IDisposable
{
    private readonly ExtractDatabases _databases;
    private readonly OrderPipeline _pipeline;
    private readonly OrderRequestValidator _validator;
    private readonly string _version;

    public LedgerlessPipeline(AttackExtract extract)
    {
        var queries = PipelineRegistration.DefaultQueriesDirectory;
        var codeLists = CodeListSet.Load(Path.Combine(queries, "codelists"));
        var catalogue = ProductCatalogue.Load(queries);
        var registry = new ExtractRegistry(extract.Directory);
        _databases = new ExtractDatabases(registry, new ExtractOptions());
        _pipeline = new OrderPipeline(catalogue, new Breakdowns(codeLists), registry, new ExtractQueryRunner(_databases), new ReleaseProtection(),
            TimeProvider.System, ledger: null, recordKeys: new RecordKeySecret(RecordKeyPads.From(RandomNumberGenerator.GetBytes(32))));
        _validator = new OrderRequestValidator(
            catalogue, new CohortParametersReader(codeLists, ProcedureCodes.Load(Path.Combine(queries, "codelists")), new OrderLimits()), registry);
        _version = extract.Version;
    }

    /// <summary>The order's release as it would be delivered alone, or null when the order is refused alone.</summary>
    public async Task<JsonElement?> ReleaseAsync(AttackOrder order)
    {
        using var body = JsonDocument.Parse(order.Body);
        var validation = _validator.Validate(body.RootElement);
        Assert.True(validation.IsValid, $"{order}: {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        try
        {
            var delivery = await _pipeline.RunAsync(new Order
            {
                Id = Guid.NewGuid(),
                Product = validation.Product!,
                ParametersJson = validation.ParametersJson!,
                RequesterId = "attacker",
                SubmittedAt = DateTimeOffset.UtcNow,
                ExtractVersion = _version,
            }, CancellationToken.None);
            using var release = JsonDocument.Parse(delivery.Json);
            return release.RootElement.Clone();
        }
        catch (OrderRejectedException)
        {
            return null;
        }
    }

    public void Dispose() => _databases.Dispose();
}
