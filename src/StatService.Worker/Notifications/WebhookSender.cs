using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using StatService.Core.Notifications;

namespace StatService.Worker.Notifications;

/// <summary>
/// POSTs a notification's JSON to its callback URL, signed (<see cref="WebhookSignature"/>) at the moment of
/// sending. A 2xx answer delivers it; 410 Gone means the receiver wants no more and gives it up, as does a host
/// whose every address webhooks may never call; anything else (other statuses, timeouts, refused connections) is retried.
/// </summary>
internal sealed class WebhookSender(
    IHttpClientFactory clients, IOptions<WebhookOptions> options, WebhookPolicy policy, TimeProvider time) : INotificationSender
{
    public const string ClientName = "StatService.Webhooks";

    public NotificationChannel Channel => NotificationChannel.Webhook;

    public async Task<DeliveryResult> SendAsync(OutboxNotification notification, CancellationToken cancellationToken)
    {
        if (!CallbackUrlPolicy.IsAllowed(notification.Destination, policy.AllowLoopback, out var reason))
        {
            return DeliveryResult.Refused(reason);
        }

        var signature = WebhookSignature.Create(options.Value.SigningKey!, time.GetUtcNow(), notification.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, notification.Destination)
        {
            Content = new StringContent(notification.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.HeaderName, signature);
        request.Headers.Add(WebhookSignature.EventIdHeaderName, notification.EventId);

        using var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Success;
            }

            var status = $"The receiver answered {(int)response.StatusCode}.";
            return response.StatusCode == HttpStatusCode.Gone ? DeliveryResult.Refused(status) : DeliveryResult.Transient(status);
        }
        catch (HttpRequestException e) when (e.InnerException is ForbiddenCallbackAddressException forbidden)
        {
            return DeliveryResult.Refused(forbidden.Message);
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Transient($"The request failed: {e.HttpRequestError}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient("The receiver did not answer in time.");
        }
    }
}
