using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Api.Auth;
using StatService.Api.Http;
using StatService.Api.Results;
using StatService.Core.Catalogue;
using StatService.Core.Orders;
using StatService.Core.Telemetry;
using StatService.Worker.Orders;

namespace StatService.Api.Orders;

public static partial class OrdersApi
{
    /// <summary>Orders are small: parameters and codes, never data.</summary>
    private const long MaxOrderBytes = 64 * 1024;

    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders")
            .WithTags("Orders")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", SubmitOrder)
            .WithName("SubmitOrder")
            .WithSummary("Place an order for a statistics extract")
            .WithMetadata(new DocumentedRequestBody(typeof(OrderRequest)))
            .WithMetadata(new RequestSizeLimitAttribute(MaxOrderBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/{id:guid}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("The status of an order")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/result", GetOrderResult)
            .WithName("GetOrderResult")
            .WithSummary("The protected result of a delivered order, as JSON or (format=csv) CSV")
            .Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static async Task<Results<Accepted<OrderAccepted>, ValidationProblem>> SubmitOrder(
        HttpRequest request, ClaimsPrincipal user, [AsParameters] OrderServices services, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return BodyProblem("Send the order as JSON, with the header 'Content-Type: application/json'.");
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
        }
        catch (JsonException malformed)
        {
            var line = malformed.LineNumber + 1;
            var position = malformed.BytePositionInLine + 1;
            return BodyProblem($"The body is not valid JSON (line {line}, position {position}).");
        }

        using (body)
        {
            var validation = services.Validator.Validate(body.RootElement);
            if (!validation.IsValid || validation.Product is null || validation.ParametersJson is null)
            {
                var errors = validation.IsValid
                    ? new Dictionary<string, string[]> { ["body"] = ["The order could not be read."] }
                    : validation.Errors;
                var detail = validation.UnknownProduct
                    ? "The product does not exist; see GET /api/products."
                    : $"The order has {errors.Sum(e => e.Value.Length)} problem(s); see 'errors' for each field.";
                return TypedResults.ValidationProblem(errors, detail, title: "The order is not valid");
            }

            var requester = Requester.From(user);
            var order = new Order
            {
                Id = Guid.CreateVersion7(),
                Product = validation.Product,
                ParametersJson = validation.ParametersJson,
                RequesterId = requester.Id,
                SubmittedAt = services.Time.GetUtcNow(),
            };
            await services.Store.CreateAsync(order, cancellationToken);
            StatServiceTelemetry.OrdersSubmitted.Add(
                1, new("product", order.Product), new("requester.kind", requester.Kind.ToString().ToLowerInvariant()));

            var status = await ScheduleAsync(order, services);
            return TypedResults.Accepted(OrderLinks.For(order.Id).Self, new OrderAccepted(order.Id, status, OrderLinks.For(order.Id)));
        }
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetOrder(
        Guid id, ClaimsPrincipal user, [FromServices] IOrderStore store, CancellationToken cancellationToken)
    {
        var order = await store.GetAsync(id, cancellationToken);
        if (order is null || !Requester.From(user).CanSee(order))
        {
            return OrderNotFound(id);
        }

        return TypedResults.Ok(OrderView.From(order));
    }

    public static async Task<IResult> GetOrderResult(
        Guid id, string? format, ClaimsPrincipal user, [FromServices] IOrderStore store, CancellationToken cancellationToken)
    {
        if (ResultDownloads.CheckFormat(format) is { } formatProblem)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["format"] = [formatProblem] },
                $"The result format '{format}' is not offered.",
                title: "Unknown result format");
        }

        var order = await store.GetAsync(id, cancellationToken);
        if (order is null || !Requester.From(user).CanSee(order))
        {
            return OrderNotFound(id);
        }

        var result = order.Status == OrderStatus.Delivered ? await store.GetResultAsync(id, cancellationToken) : null;
        if (result is null)
        {
            var detail = order.Status == OrderStatus.Failed
                ? $"The order failed and has no result: {order.FailureReason}"
                : "The order has not been delivered yet; follow its status at the 'self' link.";
            return TypedResults.Problem(
                detail,
                statusCode: StatusCodes.Status409Conflict,
                title: "The order has no result yet",
                extensions: new Dictionary<string, object?>
                {
                    ["orderStatus"] = order.Status.ToString().ToLowerInvariant(),
                    ["self"] = OrderLinks.For(id).Self,
                });
        }

        return ResultDownloads.Render(result, format, $"order-{id}");
    }

    /// <summary>
    /// Schedules the stored order and records it as queued. A failure here loses nothing: the order is
    /// stored as submitted and the sweeper schedules it, so the requester still gets 202.
    /// </summary>
    private static async Task<OrderStatus> ScheduleAsync(Order order, OrderServices services)
    {
        // Not the request's token: once stored, the order is taken care of even if the caller goes away.
        var cancellationToken = CancellationToken.None;
        try
        {
            await services.Scheduler.ScheduleRunAsync(order.Id, cancellationToken);
            if (await services.Store.UpdateAsync(order.Queue(services.Time.GetUtcNow()), OrderStatus.Submitted, cancellationToken))
            {
                return OrderStatus.Queued;
            }

            // The job started first and moved it on.
            return (await services.Store.GetAsync(order.Id, cancellationToken))?.Status ?? OrderStatus.Queued;
        }
        catch (Exception exception)
        {
            LogSchedulingDeferred(services.Logger, exception, order.Id);
            return OrderStatus.Submitted;
        }
    }

    private static ValidationProblem BodyProblem(string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["body"] = [message] },
        "The request body could not be read as an order.",
        title: "The order is not valid");

    // Also the answer for another requester's order, so ids reveal nothing.
    private static ProblemHttpResult OrderNotFound(Guid id) => TypedResults.Problem(
        $"There is no order {id} for this API key.", statusCode: StatusCodes.Status404NotFound, title: "Order not found");

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} is stored but could not be scheduled now; the sweeper will schedule it.")]
    private static partial void LogSchedulingDeferred(ILogger logger, Exception exception, Guid orderId);
}

/// <summary>The services the order endpoints use; explicit so none is mistaken for the body.</summary>
public sealed record OrderServices(
    [FromServices] IOrderStore Store,
    [FromServices] IOrderRequestValidator Validator,
    [FromServices] OrderScheduler Scheduler,
    [FromServices] TimeProvider Time,
    [FromServices] ILogger<OrderServices> Logger);
