using System.ComponentModel.DataAnnotations;
using StatService.Core.Notifications;

namespace StatService.Worker.Notifications;

/// <summary>How status changes become notifications and how they are retried (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "Notifications";

    /// <summary>
    /// The service's public address (<c>https://statservice.example.dk</c>), for the links in notifications.
    /// Without it links are paths relative to the service.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>How often the dispatcher looks for new status changes and due retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>History entries read, and notifications claimed, per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Notifications sent at once by one worker.</summary>
    [Range(1, 64)]
    public int MaxParallelSends { get; set; } = 4;

    /// <summary>Attempts per notification before it is given up (recorded as failed).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The wait after the first failed attempt; it doubles with each further one (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claimed notification is reserved for one worker's attempt; longer than any send timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Status changes older than this when first read are not notified (the first start on an existing history,
    /// or a channel switched on later, must not send a flood of stale news).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a hole in the history's sequence numbers is waited for (a write committed out of order) before
    /// the dispatcher reads past it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SequenceGapWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long delivered and given-up notifications (with their addresses) are kept.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    public RetryPolicy Retry => new(InitialRetryDelay, MaxRetryDelay, MaxAttempts);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < InitialRetryDelay)
        {
            yield return new ValidationResult(
                "MaxRetryDelay must not be shorter than InitialRetryDelay.", [nameof(MaxRetryDelay)]);
        }

        if (PublicBaseUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }
    }
}
