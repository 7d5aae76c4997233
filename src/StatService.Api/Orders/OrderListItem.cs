using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>
/// An order in <c>GET /api/orders</c>: enough to pick one and follow its link, and for a caseworker's overview who
/// asked (the kind of requester and the contact's name or organisation) and why it ended without a result.
/// </summary>
public sealed record OrderListItem(
    Guid Id,
    string Product,
    OrderStatus Status,
    OrderChannel Channel,
    DateTimeOffset SubmittedAt,
    decimal? PriceQuoteDkk,
    OrderLinks Links,
    RequesterKind? RequesterKind = null,
    string? Requester = null,
    string? Reason = null)
{
    /// <summary>The text key of <see cref="Reason"/> when the service wrote it (the pages show it in their language).</summary>
    public string? ReasonKey => ReasonKeys.Of(Reason);

    public static OrderListItem From(Order order) =>
        new(order.Id, order.Product, order.Status, order.Channel, order.SubmittedAt, order.PriceQuoteDkk, OrderLinks.For(order.Id),
            order.RequesterKind,
            order.ContactOrganisation ?? order.ContactName ?? (order.RequesterId == Order.FormRequesterId ? null : order.RequesterId),
            order.RejectionReason ?? order.FailureReason);
}
