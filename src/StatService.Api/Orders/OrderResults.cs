using StatService.Api.Results;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>The result of an order in the format asked for, or why there is none yet.</summary>
public static class OrderResults
{
    public static async Task<IResult> RenderAsync(
        Order order, ResultRequest request, OrderLinks links, string fileStem, IOrderStore store, OrderWords words, CancellationToken cancellationToken)
    {
        var format = request.Format;
        if (ResultDownloads.CheckFormat(format) is { } formatProblem)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = [formatProblem] },
                $"The result format '{format}' is not offered.",
                title: "Unknown result format");
        }

        if (ResultDownloads.CheckLanguage(request.Language) is { } languageProblem)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["lang"] = [languageProblem] },
                $"Results are not given in '{request.Language}'.",
                title: "Unknown result language");
        }

        if (Delivery.CsvOptions.Check(request.Locale, request.Sep) is { } csvProblem)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [csvProblem.Split(':')[0]] = [csvProblem] },
                "The CSV choice is not offered.",
                title: "Unknown CSV choice");
        }

        var result = order.Status == OrderStatus.Delivered ? await store.GetResultAsync(order.Id, cancellationToken) : null;
        if (result is null)
        {
            var detail = order.Status switch
            {
                OrderStatus.Failed => $"The order failed and has no result: {order.FailureReason}",
                OrderStatus.Rejected => $"The order was rejected and has no result: {order.RejectionReason}",
                OrderStatus.Cancelled => "The order was cancelled and has no result.",
                _ => "The order has not been delivered yet; follow its status at the 'self' link.",
            };
            return TypedResults.Problem(
                detail,
                statusCode: StatusCodes.Status409Conflict,
                title: "The order has no result yet",
                extensions: new Dictionary<string, object?>
                {
                    ["orderStatus"] = OrderStatuses.Code(order.Status),
                    ["self"] = links.Self,
                });
        }

        return ResultDownloads.Render(result, order, request, words, fileStem);
    }
}
