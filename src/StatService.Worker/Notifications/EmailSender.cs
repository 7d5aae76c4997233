using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using StatService.Core.Notifications;

namespace StatService.Worker.Notifications;

/// <summary>
/// Sends a notification's e-mail through the configured SMTP server, one connection per message (notifications
/// are few). The Message-Id is derived from the event, so a rare second send is recognisably the same mail.
/// A server's permanent refusal of the sender or recipient gives the notification up; anything else is retried.
/// </summary>
internal sealed class EmailSender(IOptions<SmtpOptions> options) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<DeliveryResult> SendAsync(OutboxNotification notification, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!MailboxAddress.TryParse(notification.Destination, out var recipient))
        {
            return DeliveryResult.Refused("The contact address is not a valid e-mail address.");
        }

        var content = EmailContent.FromJson(notification.Payload);
        var message = new MimeMessage
        {
            Subject = content.Subject,
            Body = new TextPart("plain") { Text = content.Text },
            MessageId = $"{notification.EventId}@statservice",
        };
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(recipient);

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password!, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Success;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500
            && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted)
        {
            return DeliveryResult.Refused($"The SMTP server refused the message ({(int)e.StatusCode}).");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or IOException or System.Net.Sockets.SocketException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Transient($"Sending failed: {e.GetType().Name}.");
        }
    }
}
