namespace StatService.Core.Orders;

/// <summary>
/// One status change of one order, written in the same transaction as the change. <see cref="Sequence"/> grows
/// strictly across the whole store (the global order of events); <see cref="From"/> is null when the order was created.
/// </summary>
public sealed record OrderHistoryEntry(
    long Sequence, Guid OrderId, DateTimeOffset At, string Actor, OrderStatus? From, OrderStatus To, string? Reason);
