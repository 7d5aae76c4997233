using System.Text.Json;
using StatService.Api.Orders;
using StatService.Core.Orders;

namespace StatService.Api.Review;

/// <summary>An order waiting for a caseworker: its specification, who asked and why, its size and suggested price.</summary>
public sealed record ReviewItem(
    Guid Id,
    string Product,
    JsonElement Parameters,
    string RequesterId,
    RequesterKind? RequesterKind,
    OrderChannel Channel,
    string? Purpose,
    OrderContact? Contact,
    string? CallbackUrl,
    DateTimeOffset SubmittedAt,
    long EstimatedCells,
    decimal? SuggestedPriceDkk,
    OrderLinks Links)
{
    /// <summary>The product's title and the specification in words, per language.</summary>
    public OrderWordsView? Words { get; init; }

    public static ReviewItem From(Order order, long estimatedCells, ProductPrice? price)
    {
        using var parameters = JsonDocument.Parse(order.ParametersJson);
        var contact = order.ContactName is null && order.ContactEmail is null && order.ContactOrganisation is null
            ? null
            : new OrderContact(order.ContactName, order.ContactEmail, order.ContactOrganisation);
        return new ReviewItem(
            order.Id, order.Product, parameters.RootElement.Clone(), order.RequesterId, order.RequesterKind, order.Channel,
            order.Purpose, contact, order.CallbackUrl, order.SubmittedAt, estimatedCells, price?.Quote(estimatedCells),
            OrderLinks.For(order.Id));
    }
}
