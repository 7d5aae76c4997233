namespace StatService.Core.Orders;

/// <summary>
/// An order as stored. <see cref="ParametersJson"/> holds the validated, normalised parameters;
/// state changes go through <see cref="OrderTransitions"/>.
/// </summary>
public sealed record Order
{
    /// <summary>The owner of every order placed through the anonymous web form; such orders are seen by status token only.</summary>
    public const string FormRequesterId = "form";

    public required Guid Id { get; init; }

    public required string Product { get; init; }

    public required string ParametersJson { get; init; }

    /// <summary>The requester (API key owner) who placed the order; never shown to other requesters.</summary>
    public required string RequesterId { get; init; }

    public RequesterKind? RequesterKind { get; init; }

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

    /// <summary>What the statistics are for, in the requester's words (for the caseworker's review).</summary>
    public string? Purpose { get; init; }

    public string? ContactName { get; init; }

    public string? ContactEmail { get; init; }

    public string? ContactOrganisation { get; init; }

    /// <summary>Where status changes are posted (webhook), if the requester asked for it.</summary>
    public string? CallbackUrl { get; init; }

    public OrderChannel Channel { get; init; } = OrderChannel.Api;

    /// <summary><c>da</c> or <c>en</c>: the language of e-mails to a form requester.</summary>
    public string? Language { get; init; }

    /// <summary>SHA-256 (hex) of the status token of a form order; the token itself is shown once and never stored.</summary>
    public string? StatusTokenHash { get; init; }

    /// <summary>Decided when the order is placed: a caseworker must approve it before it runs.</summary>
    public bool ReviewRequired { get; init; }

    /// <summary>Cells (margins included) the release is expected to have, estimated when the order was placed.</summary>
    public long? EstimatedCells { get; init; }

    public decimal? PriceQuoteDkk { get; init; }

    public string? ReviewNote { get; init; }

    public string? RejectionReason { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }
}
