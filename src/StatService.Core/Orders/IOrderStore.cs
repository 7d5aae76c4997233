namespace StatService.Core.Orders;

/// <summary>
/// Durable orders and results. Implementations use SQL that runs on SQLite and PostgreSQL alike.
/// </summary>
public interface IOrderStore
{
    Task CreateAsync(Order order, CancellationToken cancellationToken);

    Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="updated"/> only if the stored order still has status <paramref name="expected"/>
    /// (compare-and-set, so two workers cannot both move one order). Returns false when it did not.
    /// </summary>
    Task<bool> UpdateAsync(Order updated, OrderStatus expected, CancellationToken cancellationToken);

    /// <summary>Orders in a status, oldest first (recovery of orders whose scheduling was interrupted).</summary>
    Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int limit, CancellationToken cancellationToken);

    /// <summary>Stores the result unless one is stored already (idempotent delivery); returns the stored one.</summary>
    Task<OrderResult> SaveResultAsync(OrderResult result, CancellationToken cancellationToken);

    Task<OrderResult?> GetResultAsync(Guid orderId, CancellationToken cancellationToken);
}
