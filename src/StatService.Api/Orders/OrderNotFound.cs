using Microsoft.AspNetCore.Http.HttpResults;

namespace StatService.Api.Orders;

/// <summary>The one 404 answer for an order, asked for by id (API key) or by status link (form).</summary>
public static class OrderNotFound
{
    /// <summary>Also the answer for another requester's order, so ids reveal nothing.</summary>
    public static ProblemHttpResult ById(Guid id) => Problem($"There is no order {id} for this API key.");

    /// <summary>Also the answer for a malformed token, exactly like a token of no order.</summary>
    public static ProblemHttpResult ByStatusToken() => Problem("No order has this status link.");

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Order not found");
}
