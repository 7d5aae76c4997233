using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Api.Auth;
using StatService.Api.Http;
using StatService.Api.Orders;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;
using StatService.Worker.Orders;

namespace StatService.Api.Review;

/// <summary>The caseworkers' review queue: orders that need approval before they run.</summary>
public static class ReviewApi
{
    public const int MaxReasonLength = 4000;

    private const int QueueLimit = 500;

    public static RouteGroupBuilder MapReview(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/review/orders")
            .WithTags("Review")
            .RequireAuthorization(Requester.CaseworkerPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListPending)
            .WithName("ListOrdersInReview")
            .WithSummary("Orders waiting for review, oldest first, with specification, estimated cells and suggested price");

        group.MapPost("/{id:guid}/approve", Approve)
            .WithName("ApproveOrder")
            .WithSummary("Approve an order (optionally with a price quote in DKK): it is queued to run")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/reject", Reject)
            .WithName("RejectOrder")
            .WithSummary("Reject an order, with the reason shown to the requester")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static async Task<Ok<ReviewItem[]>> ListPending(
        [FromServices] IOrderStore store, [FromServices] IProductTerms terms, [FromServices] Breakdowns breakdowns, [FromServices] Results.OrderWords words,
        CancellationToken cancellationToken)
    {
        var pending = await store.ListByStatusAsync(OrderStatus.InReview, QueueLimit, cancellationToken);
        return TypedResults.Ok(pending
            .Select(order => ReviewItem.From(order, TableSizeEstimate.For(order, breakdowns), terms.For(order.Product).Price) with
            {
                Words = OrderWordsView.Of(order, words),
            })
            .ToArray());
    }

    public static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, ApproveRequest? body, ClaimsPrincipal user, [AsParameters] ReviewServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.PriceQuoteDkk is < 0 or > 100_000_000)
        {
            errors["priceQuoteDkk"] = ["A price in DKK from 0 to 100,000,000."];
        }

        var note = body?.Note?.Trim();
        if (note is { Length: > MaxReasonLength })
        {
            errors["note"] = [$"At most {MaxReasonLength} characters."];
        }
        else if (note is not null && ControlCharacters.Problem(note, multiline: true) is { } problem)
        {
            errors["note"] = [problem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, "The approval is not valid.", title: "The approval is not valid");
        }

        var order = await services.Store.GetAsync(id, cancellationToken);
        if (order is null)
        {
            return OrderNotFound.ById(id);
        }

        if (order.Status != OrderStatus.InReview)
        {
            return NotInReview(order);
        }

        var price = body?.PriceQuoteDkk is { } quoted
            ? decimal.Round(quoted, 2, MidpointRounding.AwayFromZero)
            : services.Terms.For(order.Product).Price?.Quote(TableSizeEstimate.For(order, services.Breakdowns));
        var approved = order.Approve(OrdersApi.TruncatedNow(services.Time), price, string.IsNullOrEmpty(note) ? null : note);
        var caseworker = Requester.From(user);
        if (!await services.Store.UpdateAsync(approved, OrderStatus.InReview, caseworker.Actor, approved.ReviewNote, cancellationToken))
        {
            return NotInReview(await services.Store.GetAsync(id, cancellationToken) ?? order);
        }

        await services.Placement.ScheduleApprovedAsync(id);
        var stored = await services.Store.GetAsync(id, cancellationToken) ?? approved;
        return TypedResults.Ok(await OrderView.BuildAsync(stored, services.Store, viewerIsCaseworker: true, OrderLinks.For(id), cancellationToken));
    }

    public static async Task<Results<Ok<OrderView>, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, RejectRequest? body, ClaimsPrincipal user, [AsParameters] ReviewServices services, CancellationToken cancellationToken)
    {
        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = [$"Required: why the order is rejected (1-{MaxReasonLength} characters); the requester reads it."] },
                "A rejection needs a reason.", title: "The rejection is not valid");
        }

        if (ControlCharacters.Problem(reason, multiline: true) is { } problem)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = [problem] }, "The reason cannot be stored as given.", title: "The rejection is not valid");
        }

        var order = await services.Store.GetAsync(id, cancellationToken);
        if (order is null)
        {
            return OrderNotFound.ById(id);
        }

        if (order.Status != OrderStatus.InReview)
        {
            return NotInReview(order);
        }

        var rejected = order.Reject(reason);
        if (!await services.Store.UpdateAsync(rejected, OrderStatus.InReview, Requester.From(user).Actor, reason, cancellationToken))
        {
            return NotInReview(await services.Store.GetAsync(id, cancellationToken) ?? order);
        }

        return TypedResults.Ok(await OrderView.BuildAsync(rejected, services.Store, viewerIsCaseworker: true, OrderLinks.For(id), cancellationToken));
    }

    private static ProblemHttpResult NotInReview(Order order) => TypedResults.Problem(
        $"The order is {OrderStatuses.Code(order.Status)}; only orders in review can be approved or rejected.",
        statusCode: StatusCodes.Status409Conflict,
        title: "The order is not in review",
        extensions: new Dictionary<string, object?> { ["orderStatus"] = OrderStatuses.Code(order.Status) });
}

/// <summary>The services the review endpoints use.</summary>
public sealed record ReviewServices(
    [FromServices] IOrderStore Store,
    [FromServices] IProductTerms Terms,
    [FromServices] Breakdowns Breakdowns,
    [FromServices] OrderPlacement Placement,
    [FromServices] TimeProvider Time);
