namespace StatService.Core.Notifications;

/// <summary>An outbox row as it stands, for operators and tests: how many attempts, and how it ended.</summary>
public sealed record NotificationRecord(
    string Id,
    string EventId,
    NotificationChannel Channel,
    Guid OrderId,
    NotificationState State,
    int Attempts,
    DateTimeOffset? DeliveredAt,
    string? LastError);
