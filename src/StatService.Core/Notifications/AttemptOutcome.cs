namespace StatService.Core.Notifications;

/// <summary>
/// What one delivery attempt ended in, as the outbox records it: delivered, to be retried at
/// <see cref="NextAttemptAt"/>, or failed for good. <see cref="Error"/> is a short reason for operators,
/// never a payload or a secret.
/// </summary>
public sealed record AttemptOutcome(NotificationState State, DateTimeOffset At, DateTimeOffset? NextAttemptAt, string? Error)
{
    public static AttemptOutcome Delivered(DateTimeOffset at) => new(NotificationState.Delivered, at, null, null);

    public static AttemptOutcome Retry(DateTimeOffset at, DateTimeOffset next, string error) => new(NotificationState.Pending, at, next, error);

    public static AttemptOutcome Failed(DateTimeOffset at, string error) => new(NotificationState.Failed, at, null, error);
}
