namespace StatService.Worker.Notifications;

/// <summary>
/// One status change of one order, as notifications tell it: the history entry plus how the order's requester
/// is reached (<see cref="CallbackUrl"/>, <see cref="ContactEmail"/>, either may be missing). Statuses are API
/// codes (<c>in_review</c>); <see cref="From"/> is null when the order was created; <see cref="Language"/> is
/// <c>da</c>, <c>en</c> or null (both). Holds nothing from the order's parameters or result.
/// </summary>
internal sealed record StatusChange(
    long Sequence,
    Guid OrderId,
    DateTimeOffset At,
    string? From,
    string To,
    string? Reason,
    bool PlacedThroughForm,
    string? CallbackUrl = null,
    string? ContactEmail = null,
    string? Language = null)
{
    /// <summary>Stable across retries, restarts and workers: receivers deduplicate on it.</summary>
    public string EventId => $"evt-{Sequence}-{OrderId:N}";
}
