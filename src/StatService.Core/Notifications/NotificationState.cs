namespace StatService.Core.Notifications;

/// <summary>Where an outbox notification is in its life: waiting (first try or a retry), sent, or given up.</summary>
public enum NotificationState
{
    Pending,
    Delivered,
    Failed,
}
