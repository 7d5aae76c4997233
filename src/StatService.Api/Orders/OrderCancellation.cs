using Microsoft.AspNetCore.Http.HttpResults;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>Cancelling an order before it runs (by its owner, a caseworker, or the holder of its status link).</summary>
public static class OrderCancellation
{
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> CancelAsync(
        Order order, string actor, string reason, bool viewerIsCaseworker, OrderLinks links,
        IOrderStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        // A worker may move the order between our read and our write; read again and decide again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (!OrderTransitions.CanCancel(order.Status))
            {
                return Conflict(order, links);
            }

            var cancelled = order.Cancel(time.GetUtcNow());
            if (await store.UpdateAsync(cancelled, order.Status, actor, reason, cancellationToken))
            {
                var stored = await store.GetAsync(order.Id, cancellationToken) ?? cancelled;
                return TypedResults.Ok(await OrderView.BuildAsync(stored, store, viewerIsCaseworker, links, cancellationToken));
            }

            order = await store.GetAsync(order.Id, cancellationToken) ?? order;
        }

        return Conflict(order, links);
    }

    private static ProblemHttpResult Conflict(Order order, OrderLinks links) => TypedResults.Problem(
        "Only an order that has not started to run can be cancelled.",
        statusCode: StatusCodes.Status409Conflict,
        title: "The order can no longer be cancelled",
        extensions: new Dictionary<string, object?>
        {
            ["orderStatus"] = OrderStatuses.Code(order.Status),
            ["self"] = links.Self,
        });
}
