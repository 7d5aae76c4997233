namespace StatService.Worker.Notifications;

/// <summary>
/// What one send came to: delivered, or not with a short reason; <see cref="Permanent"/> when trying again
/// cannot help (a refused address, a URL no longer allowed), so the notification is given up at once.
/// </summary>
internal sealed record DeliveryResult(bool Delivered, bool Permanent, string? Error)
{
    public static readonly DeliveryResult Success = new(true, false, null);

    public static DeliveryResult Transient(string error) => new(false, false, error);

    public static DeliveryResult Refused(string error) => new(false, true, error);
}
