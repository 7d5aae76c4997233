namespace StatService.Worker.Notifications;

/// <summary>
/// The callback host resolves only to addresses webhooks may not call (this network, multicast, private networks
/// unless allowed): no retry changes that, so the notification is given up at once.
/// </summary>
internal sealed class ForbiddenCallbackAddressException()
    : IOException("The callback host has no address webhooks may call.");
