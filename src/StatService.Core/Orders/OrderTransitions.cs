namespace StatService.Core.Orders;

/// <summary>The allowed life cycle: Submitted -> Queued -> Running -> Delivered | Failed.</summary>
public static class OrderTransitions
{
    public static bool IsAllowed(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Submitted, OrderStatus.Queued) => true,
        (OrderStatus.Submitted, OrderStatus.Failed) => true,
        (OrderStatus.Queued, OrderStatus.Running) => true,
        (OrderStatus.Queued, OrderStatus.Failed) => true,
        // A worker killed mid-run leaves Running behind; the recovered job starts it again.
        (OrderStatus.Running, OrderStatus.Running) => true,
        (OrderStatus.Running, OrderStatus.Delivered) => true,
        (OrderStatus.Running, OrderStatus.Failed) => true,
        _ => false,
    };

    public static Order Queue(this Order order, DateTimeOffset at) =>
        Move(order, OrderStatus.Queued) with { QueuedAt = at };

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
