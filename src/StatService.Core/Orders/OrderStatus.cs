namespace StatService.Core.Orders;

/// <summary>An order's place in its life cycle (JSON: snake_case, e.g. <c>in_review</c>); see <see cref="OrderTransitions"/>.</summary>
public enum OrderStatus
{
    Submitted,
    InReview,
    Queued,
    Running,
    Delivered,
    Failed,
    Rejected,
    Cancelled,
}
