using System.Diagnostics.Metrics;
using StatService.Core.Telemetry;

namespace StatService.Core.Notifications;

/// <summary>
/// Notification instruments on the service's meter (<see cref="StatServiceTelemetry.Meter"/>). Tags: channel
/// and outcome only, never a destination.
/// </summary>
public static class NotificationTelemetry
{
    /// <summary>Notifications delivered. Tag: channel.</summary>
    public static readonly Counter<long> Sent =
        StatServiceTelemetry.Meter.CreateCounter<long>("statservice.notifications.sent", "{notification}", "Notifications delivered.");

    /// <summary>Failed attempts. Tags: channel, outcome ("retry" or "given_up").</summary>
    public static readonly Counter<long> Failed =
        StatServiceTelemetry.Meter.CreateCounter<long>("statservice.notifications.failed", "{attempt}", "Notification attempts that failed.");

    /// <summary>Notifications put in the outbox. Tag: channel.</summary>
    public static readonly Counter<long> Enqueued =
        StatServiceTelemetry.Meter.CreateCounter<long>("statservice.notifications.enqueued", "{notification}", "Notifications put in the outbox.");
}
