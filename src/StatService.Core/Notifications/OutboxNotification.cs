namespace StatService.Core.Notifications;

/// <summary>A notification claimed from the outbox for one delivery attempt; <see cref="Attempts"/> counts the earlier ones.</summary>
public sealed record OutboxNotification(
    string Id,
    string EventId,
    NotificationChannel Channel,
    Guid OrderId,
    long Sequence,
    string Destination,
    string Payload,
    int Attempts,
    DateTimeOffset CreatedAt);
