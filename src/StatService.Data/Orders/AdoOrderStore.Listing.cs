using StatService.Core.Orders;
using static StatService.Data.Orders.OrderRows;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Orders;

/// <summary>Finding orders: a requester's list, the caseworker's views, a form order by its status token.</summary>
public sealed partial class AdoOrderStore
{
    public async Task<IReadOnlyList<Order>> ListAsync(string? requesterId, OrderStatus? status, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);
        var sql = (requesterId, status) switch
        {
            (null, null) => OrderStoreSql.SelectOrders,
            (null, _) => OrderStoreSql.SelectOrdersInStatus,
            (_, null) => OrderStoreSql.SelectOrdersOfRequester,
            _ => OrderStoreSql.SelectOrdersOfRequesterInStatus,
        };
        await using var command = Command(connection, sql);
        if (requesterId is not null)
        {
            Add(command, "requester_id", requesterId);
        }

        if (status is { } s)
        {
            Add(command, "status", OrderStatuses.Code(s));
        }

        Add(command, "limit", limit);
        return await ReadOrdersAsync(command, cancellationToken);
    }

    public async Task<int> GetQueuePositionAsync(Order order, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.CountQueuedBefore);
        Add(command, "status", OrderStatuses.Code(OrderStatus.Queued));
        Add(command, "id", order.Id.ToString());
        Add(command, "queued_at", (order.QueuedAt ?? order.SubmittedAt).ToUnixTimeMilliseconds());
        var ahead = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return ahead + 1;
    }

    public async Task<Order?> GetByStatusTokenHashAsync(string statusTokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.SelectOrderByStatusToken);
        Add(command, "status_token_hash", statusTokenHash);
        return (await ReadOrdersAsync(command, cancellationToken)).FirstOrDefault();
    }
}
