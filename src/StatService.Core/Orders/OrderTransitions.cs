namespace StatService.Core.Orders;

/// <summary>
/// The allowed life cycle: Submitted -> InReview | Queued; InReview -> Queued (approved) | Rejected | Cancelled;
/// Queued -> Running | Cancelled; Running -> Delivered | Failed. Delivered, Failed, Rejected and Cancelled are final.
/// </summary>
public static class OrderTransitions
{
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Submitted, OrderStatus.InReview) => true,
        (OrderStatus.Submitted, OrderStatus.Queued) => true,
        (OrderStatus.Submitted, OrderStatus.Failed) => true,
        (OrderStatus.Submitted, OrderStatus.Cancelled) => true,
        (OrderStatus.InReview, OrderStatus.Queued) => true,
        (OrderStatus.InReview, OrderStatus.Rejected) => true,
        (OrderStatus.InReview, OrderStatus.Cancelled) => true,
        (OrderStatus.Queued, OrderStatus.Running) => true,
        (OrderStatus.Queued, OrderStatus.Failed) => true,
        (OrderStatus.Queued, OrderStatus.Cancelled) => true,
        // A worker killed mid-run leaves Running behind; the recovered job starts it again.
        (OrderStatus.Running, OrderStatus.Running) => true,
        (OrderStatus.Running, OrderStatus.Delivered) => true,
        (OrderStatus.Running, OrderStatus.Failed) => true,
        _ => false,
    };

    /// <summary>Whether the requester may still cancel: only before the order runs.</summary>
    public static bool CanCancel(OrderStatus status) => IsAllowed(status, OrderStatus.Cancelled);

    public static Order SendToReview(this Order order) => Move(order, OrderStatus.InReview);

    public static Order Queue(this Order order, DateTimeOffset at) =>
        Move(order, OrderStatus.Queued) with { QueuedAt = at };

    /// <summary>A caseworker releases the order to run (InReview -> Queued), optionally with a price quote.</summary>
    public static Order Approve(this Order order, DateTimeOffset at, decimal? priceQuoteDkk, string? note) =>
        (order.Status == OrderStatus.InReview
            ? Move(order, OrderStatus.Queued)
            : throw new InvalidOperationException($"Order {order.Id} is {order.Status}, not in review."))
        with { QueuedAt = at, ApprovedAt = at, PriceQuoteDkk = priceQuoteDkk, ReviewNote = note };

    public static Order Reject(this Order order, string reason) =>
        Move(order, OrderStatus.Rejected) with { RejectionReason = reason };

    public static Order Cancel(this Order order, DateTimeOffset at) =>
        Move(order, OrderStatus.Cancelled) with { CancelledAt = at };

    public static Order Start(this Order order, DateTimeOffset at) =>
        Move(order, OrderStatus.Running) with { StartedAt = at };

    public static Order Deliver(this Order order, DateTimeOffset at, string extractVersion) =>
        Move(order, OrderStatus.Delivered) with { DeliveredAt = at, ExtractVersion = extractVersion };

    public static Order Fail(this Order order, DateTimeOffset at, string reason) =>
        Move(order, OrderStatus.Failed) with { FailedAt = at, FailureReason = reason };

    private static Order Move(Order order, OrderStatus to) =>
        IsAllowed(order.Status, to)
            ? order with { Status = to }
            : throw new InvalidOperationException($"Order {order.Id} cannot move from {order.Status} to {to}.");
}
