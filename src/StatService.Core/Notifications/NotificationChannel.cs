namespace StatService.Core.Notifications;

/// <summary>How a requester hears about a status change; stored as the lower-case name.</summary>
public enum NotificationChannel
{
    /// <summary>A signed HTTP POST to the order's callback URL.</summary>
    Webhook,

    /// <summary>A plain-text e-mail to the order's contact address.</summary>
    Email,
}
