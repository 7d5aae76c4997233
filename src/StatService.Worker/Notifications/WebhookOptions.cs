using System.ComponentModel.DataAnnotations;

namespace StatService.Worker.Notifications;

/// <summary>Signed webhooks to orders' callback URLs (section <c>Notifications:Webhooks</c>).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Notifications:Webhooks";

    public const int MinimumKeyLength = 32;

    /// <summary>The HMAC-SHA256 key receivers verify signatures with. Webhooks are off while it is empty.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long one POST may take, connecting included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Callback URLs on this machine (http allowed there). Unset: on in the Development environment only. A
    /// production service must not be made to call its own host.
    /// </summary>
    public bool? AllowLoopback { get; set; }

    /// <summary>Callback hosts that resolve to private, link-local or other non-public addresses (off: no calls into the service's own network).</summary>
    public bool AllowPrivateNetworks { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && SigningKey!.Length < MinimumKeyLength)
        {
            yield return new ValidationResult(
                $"SigningKey must have at least {MinimumKeyLength} characters (or be empty to turn webhooks off).", [nameof(SigningKey)]);
        }
    }
}
