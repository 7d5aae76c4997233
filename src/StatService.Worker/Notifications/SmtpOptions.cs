using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace StatService.Worker.Notifications;

/// <summary>E-mail to orders' contact addresses through an SMTP server (section <c>Notifications:Smtp</c>).</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Notifications:Smtp";

    /// <summary>The SMTP server. E-mail is off while it is empty.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>StatService &lt;noreply@statservice.example.dk&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>Require STARTTLS before sending (the server must offer it). Off only for a local relay or sink.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Optional credentials; sent only over the STARTTLS connection unless UseStartTls is off.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one SMTP conversation step may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The statuses that send an e-mail (snake_case names); webhooks get every change.</summary>
    public string[] Statuses { get; set; } = ["submitted", "delivered", "failed", "rejected", "cancelled"];

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult("From must be a valid sender address when Host is set.", [nameof(From)]);
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("UserName and Password go together.", [nameof(UserName), nameof(Password)]);
        }
    }
}
