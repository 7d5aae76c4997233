namespace StatService.Core.Notifications;

/// <summary>
/// A notification to put in the outbox: one status change (<paramref name="EventId"/>, from history entry
/// <paramref name="Sequence"/>) on one channel. <paramref name="Payload"/> is rendered once, so every retry
/// sends the same body; <paramref name="Destination"/> is the callback URL or the e-mail address.
/// </summary>
public sealed record NewNotification(
    string EventId,
    NotificationChannel Channel,
    Guid OrderId,
    long Sequence,
    string Destination,
    string Payload,
    DateTimeOffset CreatedAt)
{
    /// <summary>One row per event and channel: enqueuing the same pair again changes nothing.</summary>
    public string Id => $"{EventId}/{Channel.ToString().ToLowerInvariant()}";
}
