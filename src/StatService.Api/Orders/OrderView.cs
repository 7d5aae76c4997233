using System.Text.Json;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>What a requester sees of an order: its life cycle, never who else ordered what.</summary>
public sealed record OrderView(
    Guid Id,
    string Product,
    OrderStatus Status,
    JsonElement Parameters,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    string? FailureReason,
    string? ExtractVersion,
    OrderLinks Links)
{
    public static OrderView From(Order order)
    {
        using var parameters = JsonDocument.Parse(order.ParametersJson);
        return new OrderView(
            order.Id,
            order.Product,
            order.Status,
            parameters.RootElement.Clone(),
            order.SubmittedAt,
            order.QueuedAt,
            order.StartedAt,
            order.DeliveredAt,
            order.FailedAt,
            order.FailureReason,
            order.ExtractVersion,
            OrderLinks.For(order.Id));
    }
}
