using StatService.Core.Orders;
using StatService.Worker.Orders;

namespace StatService.Api.Orders;

/// <summary>
/// Moves a stored, submitted order on: to a caseworker's review, or scheduled to run. A failure here loses
/// nothing: the order is stored as submitted and the sweeper moves it on, so the requester still gets 202.
/// </summary>
public sealed partial class OrderPlacement(IOrderStore store, OrderScheduler scheduler, TimeProvider time, ILogger<OrderPlacement> logger)
{
    public async Task<OrderStatus> ForwardAsync(Order order, string actor)
    {
        // Not the request's token: once stored, the order is taken care of even if the caller goes away.
        var cancellationToken = CancellationToken.None;
        try
        {
            if (order.ReviewRequired)
            {
                return await store.UpdateAsync(order.SendToReview(), OrderStatus.Submitted, actor, null, cancellationToken)
                    ? OrderStatus.InReview
                    : await CurrentStatusAsync(order, cancellationToken);
            }

            await scheduler.ScheduleRunAsync(order.Id, cancellationToken);
            return await store.UpdateAsync(order.Queue(time.GetUtcNow()), OrderStatus.Submitted, OrderActors.System, null, cancellationToken)
                ? OrderStatus.Queued
                // The job started first and moved it on.
                : await CurrentStatusAsync(order, cancellationToken);
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

    private async Task<OrderStatus> CurrentStatusAsync(Order order, CancellationToken cancellationToken) =>
        (await store.GetAsync(order.Id, cancellationToken))?.Status ?? order.Status;

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} is stored but could not be moved on now; the sweeper will do it.")]
    private partial void LogForwardingDeferred(Exception exception, Guid orderId);
}
