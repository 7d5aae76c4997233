namespace StatService.Core.Orders;

/// <summary>
/// An order as stored. <see cref="ParametersJson"/> holds the validated, normalised parameters;
/// state changes go through <see cref="OrderTransitions"/>.
/// </summary>
public sealed record Order
{
    public required Guid Id { get; init; }

    public required string Product { get; init; }

    public required string ParametersJson { get; init; }

    /// <summary>The requester (API key owner) who placed the order; never shown to other requesters.</summary>
    public required string RequesterId { get; init; }

    public OrderStatus Status { get; init; } = OrderStatus.Submitted;

    public required DateTimeOffset SubmittedAt { get; init; }

    public DateTimeOffset? QueuedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>Why the order failed, in words fit for the requester (never raw data or exception text).</summary>
    public string? FailureReason { get; init; }

    /// <summary>The extract version the order ran on, set when it runs.</summary>
    public string? ExtractVersion { get; init; }
}
