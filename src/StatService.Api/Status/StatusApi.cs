using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Api.Orders;
using StatService.Api.Results;
using StatService.Core.Orders;

namespace StatService.Api.Status;

/// <summary>
/// A form order seen through its status token (no API key): status and history, the result, cancelling.
/// An unknown token is 404, exactly like an order that does not exist.
/// </summary>
public static class StatusApi
{
    public static RouteGroupBuilder MapStatus(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/status/{token}")
            .WithTags("Status")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", GetStatus)
            .WithName("GetOrderByStatusToken")
            .WithSummary("A form order's status and history, by its status token");

        group.MapGet("/result", GetResult)
            .WithName("GetResultByStatusToken")
            .WithSummary("A delivered form order's result: format=json (default), csv, xlsx or html")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/cancel", Cancel)
            .WithName("CancelByStatusToken")
            .WithSummary("Cancel a form order that has not started to run")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetStatus(
        string token, [FromServices] IOrderStore store, [FromServices] OrderWords words, CancellationToken cancellationToken) =>
        await FindAsync(token, store, cancellationToken) is { } order
            ? TypedResults.Ok(await OrderView.BuildAsync(order, store, viewerIsCaseworker: false, OrderLinks.ForStatusToken(token), cancellationToken) with
            {
                Words = OrderWordsView.Of(order, words),
            })
            : OrderNotFound.ByStatusToken();

    public static async Task<IResult> GetResult(
        string token, string? format, string? locale, string? sep, string? lang, [FromServices] IOrderStore store, [FromServices] OrderWords words,
        CancellationToken cancellationToken) =>
        await FindAsync(token, store, cancellationToken) is { } order
            ? await OrderResults.RenderAsync(order, new ResultRequest(format, locale, sep, lang), OrderLinks.ForStatusToken(token), $"order-{order.Id}", store, words, cancellationToken)
            : OrderNotFound.ByStatusToken();

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Cancel(
        string token, [FromServices] IOrderStore store, [FromServices] TimeProvider time, CancellationToken cancellationToken) =>
        await FindAsync(token, store, cancellationToken) is { } order
            ? await OrderCancellation.CancelAsync(
                order, OrderActors.Form, "Cancelled by the requester.", viewerIsCaseworker: false, OrderLinks.ForStatusToken(token), store, time, cancellationToken)
            : OrderNotFound.ByStatusToken();

    private static async Task<Order?> FindAsync(string token, IOrderStore store, CancellationToken cancellationToken) =>
        // A token is 43 base64url characters; anything else cannot be one (and is not worth a database look-up).
        token.Length is >= 40 and <= 64
            ? await store.GetByStatusTokenHashAsync(Secrets.Hash(token), cancellationToken)
            : null;
}
