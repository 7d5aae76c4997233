using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatService.Core.Notifications;

namespace StatService.Worker.Notifications;

/// <summary>
/// The worker's notification loop: every poll interval, relay new status changes into the outbox, then
/// deliver what is due; hourly, delete finished notifications past their retention. A failing round (the
/// database away, say) is logged and tried again next round.
/// </summary>
internal sealed class NotificationDispatcher(
    HistoryRelay relay,
    OutboxDelivery delivery,
    INotificationOutbox outbox,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        try
        {
            do
            {
                await RoundAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        try
        {
            var now = time.GetUtcNow();
            if (now - _lastPurge >= PurgeEvery)
            {
                await outbox.PurgeFinishedAsync(now - options.Value.Retention, stoppingToken);
                _lastPurge = now;
            }

            await relay.RelayAsync(stoppingToken);
            // A full batch means more may be due; keep going until the backlog is worked off.
            while (await delivery.DeliverDueAsync(stoppingToken) >= options.Value.BatchSize)
            {
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "A notification round failed; the next round tries again.");
        }
    }
}
