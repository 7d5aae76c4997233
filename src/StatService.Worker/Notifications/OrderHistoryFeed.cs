using StatService.Core.Orders;

namespace StatService.Worker.Notifications;

/// <summary>
/// The status-change feed over the order store: its history in sequence order, each entry with the order's
/// ways of reaching its requester (read once per order per batch).
/// </summary>
internal sealed class OrderHistoryFeed(IOrderStore orders) : IStatusChangeFeed
{
    public async Task<IReadOnlyList<StatusChange>> ReadAfterAsync(long sequence, int limit, CancellationToken cancellationToken)
    {
        var entries = await orders.ListHistoryAfterAsync(sequence, limit, cancellationToken);
        var byId = new Dictionary<Guid, Order?>();
        var changes = new List<StatusChange>(entries.Count);
        foreach (var entry in entries)
        {
            if (!byId.TryGetValue(entry.OrderId, out var order))
            {
                order = await orders.GetAsync(entry.OrderId, cancellationToken);
                byId[entry.OrderId] = order;
            }

            changes.Add(new StatusChange(
                entry.Sequence,
                entry.OrderId,
                entry.At,
                entry.From is { } from ? OrderStatuses.Code(from) : null,
                OrderStatuses.Code(entry.To),
                entry.Reason,
                PlacedThroughForm: order?.Channel == OrderChannel.Form,
                CallbackUrl: order?.CallbackUrl,
                ContactEmail: order?.ContactEmail,
                Language: order?.Language));
        }

        return changes;
    }
}
