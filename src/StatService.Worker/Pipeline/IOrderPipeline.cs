using StatService.Core.Orders;

namespace StatService.Worker.Pipeline;

/// <summary>
/// Runs one order end to end inside the worker: compile, query, protect, render.
/// Raw query output never leaves it; what it returns has passed disclosure control.
/// </summary>
public interface IOrderPipeline
{
    Task<OrderDelivery> RunAsync(Order order, CancellationToken cancellationToken);
}

/// <summary>
/// The protected deliverables of one order and the extract version they came from. <see cref="Stored"/>: the pipeline
/// stored them itself (with their ledger record), so the runner does not store them again.
/// </summary>
public sealed record OrderDelivery(string ExtractVersion, string Json, string Csv)
{
    public bool Stored { get; init; }

    /// <summary>Whether the release ledger hid cells the release alone would have published (told, never how many).</summary>
    public bool NarrowedByLedger { get; init; }
}

/// <summary>An order that cannot be answered (e.g. its extract is gone); the message is shown to the requester.</summary>
public sealed class OrderRejectedException(string message) : Exception(message);
