using StatService.Core.OrderSpec;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>
/// An order as the API and the web form place it: the validated specification and fields, the size estimate, the
/// product's price quote and review as <see cref="ReviewPolicy"/> decides for the channel. What only one channel has
/// (a callback URL, a status token) its caller adds.
/// </summary>
internal static class NewOrder
{
    public static Order Create(
        OrderValidation validation, OrderFields fields, OrderChannel channel, string requesterId, RequesterKind kind, string? language, OrderServices services)
    {
        var product = validation.Product ?? throw new ArgumentException("Only a valid order is placed.", nameof(validation));
        var parameters = validation.ParametersJson ?? throw new ArgumentException("Only a valid order is placed.", nameof(validation));
        var terms = services.Terms.For(product);
        var estimatedCells = validation.EstimatedCells ?? TableSizeEstimate.FromBreakdowns(parameters, services.Breakdowns);
        return new Order
        {
            Id = Guid.CreateVersion7(),
            Product = product,
            ParametersJson = parameters,
            RequesterId = requesterId,
            RequesterKind = kind,
            SubmittedAt = OrdersApi.TruncatedNow(services.Time),
            Channel = channel,
            Language = language,
            Purpose = fields.Purpose,
            ContactName = fields.ContactName,
            ContactEmail = fields.ContactEmail,
            ContactOrganisation = fields.ContactOrganisation,
            ReviewRequired = ReviewPolicy.RequiresReview(terms.Review, channel),
            EstimatedCells = estimatedCells,
            // The product's rule, as the preview quoted it; a caseworker may quote otherwise on approval.
            PriceQuoteDkk = terms.Price?.Quote(estimatedCells),
        };
    }
}
