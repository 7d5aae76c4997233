using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>An order in <c>GET /api/orders</c>: enough to pick one and follow its link.</summary>
public sealed record OrderListItem(
    Guid Id, string Product, OrderStatus Status, OrderChannel Channel, DateTimeOffset SubmittedAt, decimal? PriceQuoteDkk, OrderLinks Links)
{
    public static OrderListItem From(Order order) =>
        new(order.Id, order.Product, order.Status, order.Channel, order.SubmittedAt, order.PriceQuoteDkk, OrderLinks.For(order.Id));
}
