namespace StatService.Api.Review;

/// <param name="PriceQuoteDkk">The price quoted to the requester, DKK; omitted: the product's price rule, if it has one.</param>
/// <param name="Note">A note to the requester, kept in the order's history.</param>
public sealed record ApproveRequest(decimal? PriceQuoteDkk, string? Note);

/// <param name="Reason">Why the order is rejected (required; shown to the requester).</param>
public sealed record RejectRequest(string? Reason);
