using System.Text.Json;
using StatService.Core.Orders;
using StatService.Worker.Pipeline;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// The service's own order pipeline with no release ledger: each release protected only against itself, as the offline
/// benchmark runs orders. What the ledger's absence discloses (the negative control) and what a release would have been
/// alone (the price of protection across releases) both come from here.
/// </summary>
internal sealed class LedgerlessPipeline : IDisposable
{
    private readonly OfflinePipeline _offline;
    private readonly string _version;

    public LedgerlessPipeline(AttackExtract extract)
    {
        _offline = new OfflinePipeline(extract.Directory, extract.Version);
        _version = extract.Version;
    }

    /// <summary>The order's release as it would be delivered alone, or null when the order is refused alone.</summary>
    public async Task<JsonElement?> ReleaseAsync(AttackOrder order)
    {
        using var body = JsonDocument.Parse(order.Body);
        var validation = _offline.Validator.Validate(body.RootElement);
        Assert.True(validation.IsValid, $"{order}: {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        try
        {
            var delivery = await _offline.Pipeline.RunAsync(new Order
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

    public void Dispose() => _offline.Dispose();
}
