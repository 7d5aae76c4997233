using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatService.Core.Notifications;
using StatService.Core.Telemetry;

namespace StatService.Worker.Notifications;

/// <summary>
/// One delivery round: claims the due notifications (a lease, so other workers leave them alone), sends each
/// through its channel and records the outcome: delivered, retried later with back-off, or given up after
/// the last attempt. A worker that dies mid-send leaves its lease to expire, and the row is tried again.
/// </summary>
internal sealed class OutboxDelivery(
    INotificationOutbox outbox,
    IEnumerable<INotificationSender> senders,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<OutboxDelivery> logger)
{
    private readonly Dictionary<NotificationChannel, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);

    /// <summary>This process's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Delivers what is due now; returns how many notifications it attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var claimed = await outbox.ClaimDueAsync(Owner, now, now + settings.Lease, settings.BatchSize, cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelSends, CancellationToken = cancellationToken },
            async (notification, token) => await AttemptAsync(notification, settings.Retry, token));
        return claimed.Count;
    }

    private async Task<DeliveryResult> SendAsync(OutboxNotification notification, string channel, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(notification.Channel, out var sender))
        {
            return DeliveryResult.Transient($"The {channel} channel is switched off.");
        }

        try
        {
            return await sender.SendAsync(notification, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Counted as an attempt, so a notification that always breaks its sender is given up in the end
            // instead of coming back after every lease.
            logger.LogError(e, "Sending {Channel} notification {EventId} failed unexpectedly.", channel, notification.EventId);
            return DeliveryResult.Transient($"Unexpected error: {e.GetType().Name}.");
        }
    }

    private async Task AttemptAsync(OutboxNotification notification, RetryPolicy retry, CancellationToken cancellationToken)
    {
        var channel = notification.Channel.ToString().ToLowerInvariant();
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("notification.send");
        activity?.SetTag("notification.channel", channel);
        activity?.SetTag("notification.event_id", notification.EventId);
        activity?.SetTag("notification.attempt", notification.Attempts + 1);

        var result = await SendAsync(notification, channel, cancellationToken);

        var at = time.GetUtcNow();
        var attempt = notification.Attempts + 1;
        AttemptOutcome outcome;
        if (result.Delivered)
        {
            outcome = AttemptOutcome.Delivered(at);
        }
        else if (!result.Permanent && retry.DelayAfter(attempt, Random.Shared) is { } delay)
        {
            outcome = AttemptOutcome.Retry(at, at + delay, result.Error ?? "Unknown failure.");
        }
        else
        {
            outcome = AttemptOutcome.Failed(at, result.Error ?? "Unknown failure.");
        }

        // Recorded even if the service is stopping: the send happened, and forgetting it would send it again.
        var recorded = await outbox.RecordAttemptAsync(notification.Id, Owner, outcome, CancellationToken.None);
        activity?.SetTag("notification.outcome", outcome.State.ToString().ToLowerInvariant());
        if (result.Delivered)
        {
            NotificationTelemetry.Sent.Add(1, new KeyValuePair<string, object?>("channel", channel));
            return;
        }

        activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        var given = outcome.State == NotificationState.Failed;
        NotificationTelemetry.Failed.Add(1,
            new KeyValuePair<string, object?>("channel", channel),
            new KeyValuePair<string, object?>("outcome", given ? "given_up" : "retry"));
        if (given)
        {
            logger.LogWarning("Gave up {Channel} notification {EventId} of order {OrderId} after {Attempts} attempt(s): {Error}",
                channel, notification.EventId, notification.OrderId, attempt, result.Error);
        }
        else
        {
            logger.LogInformation("{Channel} notification {EventId} attempt {Attempt} failed ({Error}); next at {Next:O}",
                channel, notification.EventId, attempt, result.Error, outcome.NextAttemptAt);
        }

        if (!recorded)
        {
            logger.LogWarning("The lease on notification {EventId} had passed to another worker; its attempt was not recorded.", notification.EventId);
        }
    }
}
