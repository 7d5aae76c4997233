using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StatService.Core.Telemetry;

/// <summary>
/// The service's own traces and metrics: one <see cref="System.Diagnostics.ActivitySource"/> and one
/// <see cref="System.Diagnostics.Metrics.Meter"/>, both named "StatService", which the telemetry defaults
/// subscribe to. Static so that the worker, the pipeline and the command line record into the same
/// instruments without wiring. Tags carry products, outcomes and requester kinds only: never requesters,
/// order parameters or numbers from a table.
/// </summary>
public static class StatServiceTelemetry
{
    public const string Name = "StatService";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Orders accepted by the API. Tags: product, requester.kind.</summary>
    public static readonly Counter<long> OrdersSubmitted =
        Meter.CreateCounter<long>("statservice.orders.submitted", "{order}", "Orders accepted by the API.");

    /// <summary>Orders delivered. Tag: product.</summary>
    public static readonly Counter<long> OrdersDelivered =
        Meter.CreateCounter<long>("statservice.orders.delivered", "{order}", "Orders delivered to their requester.");

    /// <summary>Orders that ended failed. Tags: product, reason ("rejected" or "error", never the text).</summary>
    public static readonly Counter<long> OrdersFailed =
        Meter.CreateCounter<long>("statservice.orders.failed", "{order}", "Orders that ended failed.");

    /// <summary>Milliseconds one extract query took. Tag: query.</summary>
    public static readonly Histogram<double> QueryDuration =
        Meter.CreateHistogram<double>("statservice.query.duration", "ms", "Time one extract query took.");

    /// <summary>Milliseconds disclosure control took for one order. Tag: product.</summary>
    public static readonly Histogram<double> ProtectDuration =
        Meter.CreateHistogram<double>("statservice.protect.duration", "ms", "Time disclosure control took for one order.");

    /// <summary>Milliseconds one joint audit of a release with the earlier releases of its extract version took.</summary>
    public static readonly Histogram<double> LedgerAuditDuration =
        Meter.CreateHistogram<double>("statservice.ledger.audit.duration", "ms", "Time one joint audit across releases took.");

    /// <summary>Milliseconds from submission to delivery or failure. Tags: product, outcome.</summary>
    public static readonly Histogram<double> OrderDuration =
        Meter.CreateHistogram<double>("statservice.order.duration", "ms", "Time from submission to delivery or failure.");
}
