namespace StatService.Core.Orders;

/// <summary>
/// Durable orders, their history and results. Implementations use SQL that runs on SQLite and PostgreSQL alike.
/// Every status change (creation included) writes an <see cref="OrderHistoryEntry"/> in the same transaction.
/// </summary>
public interface IOrderStore
{
    /// <summary>Stores a new order with its first history entry (actor: the requester, or <see cref="OrderActors.Form"/>).</summary>
    Task CreateAsync(Order order, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new order under the requester's idempotency key, unless the key was used before: then nothing is
    /// stored and the earlier order is returned (with <see cref="OrderCreation.SameBody"/> saying whether the body matched).
    /// </summary>
    Task<OrderCreation> CreateOnceAsync(Order order, IdempotencyKey key, CancellationToken cancellationToken);

    Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The form order whose status token hashes to <paramref name="statusTokenHash"/>.</summary>
    Task<Order?> GetByStatusTokenHashAsync(string statusTokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="updated"/> only if the stored order still has status <paramref name="expected"/>
    /// (compare-and-set, so two workers cannot both move one order), with a history entry by <paramref name="actor"/>
    /// in the same transaction. Returns false when it did not.
    /// </summary>
    Task<bool> UpdateAsync(Order updated, OrderStatus expected, string actor, string? reason, CancellationToken cancellationToken);

    /// <summary><see cref="UpdateAsync(Order, OrderStatus, string, string?, CancellationToken)"/> by <see cref="OrderActors.System"/>.</summary>
    Task<bool> UpdateAsync(Order updated, OrderStatus expected, CancellationToken cancellationToken);

    /// <summary>Orders in a status, oldest first (the review queue; recovery of orders whose scheduling was interrupted).</summary>
    Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int limit, CancellationToken cancellationToken);

    /// <summary>Orders newest first, of one requester (null: every requester), optionally in one status.</summary>
    Task<IReadOnlyList<Order>> ListAsync(string? requesterId, OrderStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>A queued order's place in the queue (1: next to run), counting queued orders queued before it.</summary>
    Task<int> GetQueuePositionAsync(Order order, CancellationToken cancellationToken);

    /// <summary>The order's status changes in the order they happened.</summary>
    Task<IReadOnlyList<OrderHistoryEntry>> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Status changes of every order after <paramref name="afterSequence"/>, by sequence (for notifications).</summary>
    Task<IReadOnlyList<OrderHistoryEntry>> ListHistoryAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Stores the result unless one is stored already (idempotent delivery); returns the stored one.</summary>
    Task<OrderResult> SaveResultAsync(OrderResult result, CancellationToken cancellationToken);

    Task<OrderResult?> GetResultAsync(Guid orderId, CancellationToken cancellationToken);
}
