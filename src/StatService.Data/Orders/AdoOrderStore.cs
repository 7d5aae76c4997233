using System.Data.Common;
using StatService.Core.Orders;
using StatService.Data.Storage;
using static StatService.Data.Orders.OrderRows;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Orders;

/// <summary>
/// <see cref="IOrderStore"/> in plain ADO.NET over the portable SQL of <see cref="OrderStoreSql"/>, on the order
/// database (SQLite or PostgreSQL) that migrates its tables (<see cref="OrderStoreSchema"/>).
/// </summary>
public sealed partial class AdoOrderStore : AdoStore, IOrderStore
{
    private readonly TimeProvider _time;

    public AdoOrderStore(OrderDatabase database, TimeProvider? time = null)
        : base(database)
    {
        _time = time ?? TimeProvider.System;
    }

    public async Task CreateAsync(Order order, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertOrderAsync(connection, transaction, order, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The order row and its first history entry, inside the caller's transaction.</summary>
    private async Task InsertOrderAsync(DbConnection connection, DbTransaction transaction, Order order, CancellationToken cancellationToken)
    {
        await using (var command = Command(connection, OrderStoreSql.InsertOrder, transaction))
        {
            AddOrderParameters(command, order);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var actor = order.Channel == OrderChannel.Form ? OrderActors.Form : order.RequesterId;
        await AppendHistoryAsync(connection, transaction, order.Id, order.SubmittedAt, actor, null, order.Status, null, cancellationToken);
    }

    public async Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.SelectOrder);
        Add(command, "id", id.ToString());
        return (await ReadOrdersAsync(command, cancellationToken)).FirstOrDefault();
    }

    public Task<bool> UpdateAsync(Order updated, OrderStatus expected, CancellationToken cancellationToken) =>
        UpdateAsync(updated, expected, OrderActors.System, null, cancellationToken);

    public async Task<bool> UpdateAsync(Order updated, OrderStatus expected, string actor, string? reason, CancellationToken cancellationToken)
    {
        if (!OrderTransitions.IsAllowed(expected, updated.Status))
        {
            throw new InvalidOperationException($"Order {updated.Id} cannot move from {expected} to {updated.Status}.");
        }

        ArgumentException.ThrowIfNullOrEmpty(actor);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(connection, OrderStoreSql.UpdateOrder, transaction))
        {
            AddOrderParameters(command, updated);
            Add(command, "expected", OrderStatuses.Code(expected));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await AppendHistoryAsync(connection, transaction, updated.Id, _time.GetUtcNow(), actor, expected, updated.Status, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.SelectOrdersByStatus);
        Add(command, "status", OrderStatuses.Code(status));
        Add(command, "limit", limit);
        return await ReadOrdersAsync(command, cancellationToken);
    }

    public async Task<OrderResult> SaveResultAsync(OrderResult result, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await OrderResultRows.InsertAsync(connection, transaction, result, cancellationToken);
        var stored = await OrderResultRows.ReadStoredAsync(connection, transaction, result.OrderId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<OrderResult?> GetResultAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await OrderResultRows.ReadAsync(connection, null, orderId, cancellationToken);
    }
}
