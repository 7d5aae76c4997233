using System.Text.Json;
using StatService.Api.Auth;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>What a requester sees of an order: its life cycle and history, never who else ordered what.</summary>
public sealed record OrderView(
    Guid Id,
    string Product,
    OrderStatus Status,
    JsonElement Parameters,
    OrderChannel Channel,
    string? Purpose,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    DateTimeOffset? CancelledAt,
    string? FailureReason,
    string? RejectionReason,
    decimal? PriceQuoteDkk,
    string? ReviewNote,
    long? EstimatedCells,
    int? QueuePosition,
    string? ExtractVersion,
    IReadOnlyList<HistoryView> History,
    OrderLinks Links)
{
    /// <summary>The view of <paramref name="order"/> with its history and, while queued, its place in the queue.</summary>
    public static async Task<OrderView> BuildAsync(
        Order order, IOrderStore store, bool viewerIsCaseworker, OrderLinks links, CancellationToken cancellationToken)
    {
        var history = await store.GetHistoryAsync(order.Id, cancellationToken);
        var position = order.Status == OrderStatus.Queued ? await store.GetQueuePositionAsync(order, cancellationToken) : (int?)null;
        using var parameters = JsonDocument.Parse(order.ParametersJson);
        return new OrderView(
            order.Id,
            order.Product,
            order.Status,
            parameters.RootElement.Clone(),
            order.Channel,
            order.Purpose,
            order.SubmittedAt,
            order.ApprovedAt,
            order.QueuedAt,
            order.StartedAt,
            order.DeliveredAt,
            order.FailedAt,
            order.CancelledAt,
            order.FailureReason,
            order.RejectionReason,
            order.PriceQuoteDkk,
            order.ReviewNote,
            order.EstimatedCells,
            position,
            order.ExtractVersion,
            history.Select(entry => HistoryView.Of(entry, viewerIsCaseworker)).ToArray(),
            links);
    }
}

/// <summary>One status change as shown: when, who, from which status to which, and why.</summary>
public sealed record HistoryView(DateTimeOffset At, string Actor, OrderStatus? From, OrderStatus To, string? Reason)
{
    public static HistoryView Of(OrderHistoryEntry entry, bool viewerIsCaseworker) =>
        new(entry.At, CaseworkerActor.ShownTo(entry.Actor, viewerIsCaseworker), entry.From, entry.To, entry.Reason);
}
