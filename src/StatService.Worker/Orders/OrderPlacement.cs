using Microsoft.Extensions.Logging;
using StatService.Core.Orders;

namespace StatService.Worker.Orders;

/// <summary>
/// Moves a stored, submitted order on: to a caseworker's review, or scheduled to run. The API and the form place
/// orders through it as they are submitted, the <see cref="SubmittedOrderSweeper"/> the ones left submitted.
/// </summary>
public sealed partial class OrderPlacement(IOrderStore store, OrderScheduler scheduler, TimeProvider time, ILogger<OrderPlacement> logger)
{
    /// <summary>
    /// Moves the order on as it is submitted. A failure here loses nothing: the order is stored as submitted and the
    /// sweeper moves it on, so the requester still gets 202.
    /// </summary>
    public async Task<OrderStatus> ForwardAsync(Order order, string actor)
    {
        // Not the request's token: once stored, the order is taken care of even if the caller goes away.
        var cancellationToken = CancellationToken.None;
        try
        {
            var (target, moved) = await MoveOnAsync(order, actor, cancellationToken);
            // Not moved: the job (or the sweeper) started first and moved it on.
            return moved ? target : await CurrentStatusAsync(order, cancellationToken);
        }
        catch (Exception exception)
        {
            LogForwardingDeferred(exception, order.Id);
            return OrderStatus.Submitted;
        }
    }

    /// <summary>Schedules the run of an approved (queued) order; if that fails, the sweeper schedules it.</summary>
    public async Task ScheduleApprovedAsync(Guid orderId)
    {
        try
        {
            await scheduler.ScheduleRunAsync(orderId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogForwardingDeferred(exception, orderId);
        }
    }

    /// <summary>
    /// Sends a submitted order to review when a caseworker must approve it, else schedules its run and queues it.
    /// <paramref name="actor"/> is recorded for the move to review; queueing is the system's. Returns where the order
    /// was sent and whether this call moved it (false when another process moved it first).
    /// </summary>
    public async Task<(OrderStatus Target, bool Moved)> MoveOnAsync(Order order, string actor, CancellationToken cancellationToken)
    {
        if (order.ReviewRequired)
        {
            return (OrderStatus.InReview, await store.UpdateAsync(order.SendToReview(), OrderStatus.Submitted, actor, null, cancellationToken));
        }

        await scheduler.ScheduleRunAsync(order.Id, cancellationToken);
        return (OrderStatus.Queued, await store.UpdateAsync(order.Queue(time.GetUtcNow()), OrderStatus.Submitted, OrderActors.System, null, cancellationToken));
    }

    private async Task<OrderStatus> CurrentStatusAsync(Order order, CancellationToken cancellationToken) =>
        (await store.GetAsync(order.Id, cancellationToken))?.Status ?? order.Status;

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} is stored but could not be moved on now; the sweeper will do it.")]
    private partial void LogForwardingDeferred(Exception exception, Guid orderId);
}
