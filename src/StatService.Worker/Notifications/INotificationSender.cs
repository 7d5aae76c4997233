using StatService.Core.Notifications;

namespace StatService.Worker.Notifications;

/// <summary>Sends outbox notifications of one channel. Returns failures as results; throws only when cancelled.</summary>
internal interface INotificationSender
{
    NotificationChannel Channel { get; }

    Task<DeliveryResult> SendAsync(OutboxNotification notification, CancellationToken cancellationToken);
}
