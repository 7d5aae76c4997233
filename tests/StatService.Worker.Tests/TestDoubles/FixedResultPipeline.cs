using System.Collections.Concurrent;
using System.Text.Json;
using StatService.Delivery.Release.Records;
using StatService.Core.Orders;
using StatService.Worker.Pipeline;

namespace StatService.Worker.Tests.TestDoubles;

/// <summary>
/// A stand-in for the real order pipeline (compile, query, protect, render), so the worker's handling of
/// an order can be tested on its own. The product name picks the behaviour.
/// </summary>
public sealed class FixedResultPipeline : IOrderPipeline
{
    public const string Product = "test-count";

    /// <summary>Throws an exception whose message looks like register data: it must never reach a requester.</summary>
    public const string CrashingProduct = "test-crash";

    public const string RejectedProduct = "test-rejected";

    /// <summary>Runs until <see cref="ReleaseHeld"/> is called or the run is cancelled.</summary>
    public const string HeldProduct = "test-held";

    public const string ExtractVersion = "test-extract-1";

    public const string RejectionMessage = "The extract this order needs is no longer available.";

    public const string Csv = "group,count\ng1,12\n";

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentDictionary<Guid, int> Runs { get; } = new();

    /// <summary>
    /// A whole release document (every deliverable is rendered from it). Its one dimension has no known code names, so
    /// the text is served byte for byte in either language.
    /// </summary>
    public static string JsonFor(Guid orderId) => ReleaseJson.Write(new ReleaseRecord(
        orderId.ToString(),
        Product,
        JsonDocument.Parse("{}").RootElement,
        ExtractVersion,
        "persons",
        CreatedAt: null,
        new DisclosureRecord("test", "test", SuppressedCells: 0, AuditPassed: true, AuditedCells: 1, Method: null, Additive: null),
        [new TableRecord(
            "count",
            [new DimensionRecord("group", [new CodeRecord("g1", "g1", Parent: null)])],
            [new CellRecord(new Dictionary<string, string> { ["group"] = "g1" }, 12, "published")])]));

    public void ReleaseHeld() => _release.TrySetResult();

    public async Task<OrderDelivery> RunAsync(Order order, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(order.Id, 1, (_, runs) => runs + 1);
        switch (order.Product)
        {
            case CrashingProduct:
                throw new InvalidOperationException("Cell region=1081 sex=2 has pnr 0101701234 as its only person");
            case RejectedProduct:
                throw new OrderRejectedException(RejectionMessage);
            case HeldProduct:
                await _release.Task.WaitAsync(cancellationToken);
                break;
        }

        return new OrderDelivery(ExtractVersion, JsonFor(order.Id), Csv);
    }
}
