namespace StatService.Worker.Notifications;

/// <summary>Where webhooks may go, settled once from <see cref="WebhookOptions"/> and the host environment.</summary>
internal sealed record WebhookPolicy(bool AllowLoopback, bool AllowPrivateNetworks);
