using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Api.Auth;
using StatService.Api.Http;
using StatService.Api.RateLimits;
using StatService.Api.Results;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;
using StatService.Core.Telemetry;
using StatService.Worker.Notifications;
using StatService.Worker.Orders;

namespace StatService.Api.Orders;

public static class OrdersApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Body fields read by the API itself; the rest is the specification the product validator checks.</summary>
    private static readonly string[] DetailFields = ["purpose", "contact", "callbackUrl"];

    private const int MaxListed = 500;

    public static RouteGroupBuilder MapOrders(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders")
            .WithTags("Orders")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", SubmitOrder)
            .WithName("SubmitOrder")
            .WithSummary("Place an order for a statistics extract (optional header Idempotency-Key)")
            .WithMetadata(new DocumentedRequestBody(typeof(OrderRequest)))
            .WithMetadata(new RequestSizeLimitAttribute(OrderBody.MaxBytes))
            .RequireRateLimiting(RequestRateLimits.PerRequester)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/preview", PreviewOrder)
            .WithName("PreviewOrder")
            .WithSummary("What an order would be, without placing it: the same checks, then the definition in words (Accept-Language da or en), the estimated cells, whether it is reviewed and the price quote; nothing is stored")
            .WithMetadata(new DocumentedRequestBody(typeof(OrderRequest)))
            .WithMetadata(new RequestSizeLimitAttribute(OrderBody.MaxBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        group.MapGet("/", ListOrders)
            .WithName("ListOrders")
            .WithSummary("Your orders, newest first (a caseworker sees every order); filter with ?status=in_review");

        group.MapGet("/{id:guid}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("The status of an order, with its history")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/result", GetOrderResult)
            .WithName("GetOrderResult")
            .WithSummary("The protected result of a delivered order: format=json (default), csv, xlsx or html; CSV in the order's language, or locale=da|en and sep=comma|semicolon|tab")
            .Produces(StatusCodes.Status200OK, typeof(JsonElement), "application/json", "text/csv", ResultDownloads.XlsxContentType, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/cancel", CancelOrder)
            .WithName("CancelOrder")
            .WithSummary("Cancel an order that has not started to run (its owner or a caseworker)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static async Task<Results<Accepted<OrderAccepted>, ValidationProblem, ProblemHttpResult>> SubmitOrder(
        HttpRequest request, ClaimsPrincipal user, [AsParameters] OrderServices services, CancellationToken cancellationToken)
    {
        string? idempotencyKey = request.Headers[IdempotencyHeader];
        if (idempotencyKey is not null && !IsValidIdempotencyKey(idempotencyKey))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [IdempotencyHeader] = [$"1-{IdempotencyKey.MaxLength} visible ASCII characters (a UUID, say)."] },
                "The Idempotency-Key header is malformed.",
                title: "The order is not valid");
        }

        var (body, problem) = await OrderBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using (body)
        {
            var root = body.Json.RootElement;
            var errors = new Dictionary<string, string[]>();
            var fields = OrderFields.Read(root, errors, required: false, services.AllowLoopbackCallbacks);
            var validation = OrderSpecification.Validate(services.Validator, root, DetailFields, errors);
            if (errors.Count > 0 || validation.Product is null || validation.ParametersJson is null)
            {
                return OrderSpecification.Problem(errors, validation, RequestLanguage.Of(request));
            }

            var requester = Requester.From(user);
            // The deliverables speak the language the client asked in; without Accept-Language, English.
            var order = NewOrder.Create(validation, fields, OrderChannel.Api, requester.Id, requester.Kind, RequestLanguage.Asked(request), services)
                with { CallbackUrl = fields.CallbackUrl };

            if (idempotencyKey is not null)
            {
                var creation = await services.Store.CreateOnceAsync(order, new IdempotencyKey(idempotencyKey, Secrets.Hash(body.Bytes)), cancellationToken);
                if (!creation.Created)
                {
                    return creation.SameBody
                        ? Accepted(creation.Order.Id, creation.Order.Status)
                        : TypedResults.Problem(
                            $"This {IdempotencyHeader} was used before with a different order body; use a new key for a new order.",
                            statusCode: StatusCodes.Status422UnprocessableEntity,
                            title: "Idempotency-Key reused",
                            extensions: new Dictionary<string, object?>
                            {
                                ["errors"] = new Dictionary<string, string[]> { [IdempotencyHeader] = ["Already used with a different body."] },
                                ["orderId"] = creation.Order.Id,
                            });
                }
            }
            else
            {
                await services.Store.CreateAsync(order, cancellationToken);
            }

            StatServiceTelemetry.OrdersSubmitted.Add(
                1, new("product", order.Product), new("requester.kind", RequesterKinds.Code(requester.Kind)));
            var status = await services.Placement.ForwardAsync(order, requester.Actor);
            return Accepted(order.Id, status);
        }
    }

    /// <summary>The checks of <see cref="SubmitOrder"/> and the same 400 answer; a valid body is described, never stored.</summary>
    public static async Task<Results<Ok<OrderPreview>, ValidationProblem>> PreviewOrder(
        HttpRequest request, [AsParameters] OrderServices services, [FromServices] OrderWords words, CancellationToken cancellationToken)
    {
        var (body, problem) = await OrderBody.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        using (body)
        {
            var root = body.Json.RootElement;
            var errors = new Dictionary<string, string[]>();
            OrderFields.Read(root, errors, required: false, services.AllowLoopbackCallbacks);
            var validation = OrderSpecification.Validate(services.Validator, root, DetailFields, errors);
            var language = RequestLanguage.Of(request);
            return errors.Count > 0 || validation.Product is null || validation.ParametersJson is null
                ? OrderSpecification.Problem(errors, validation, language)
                : TypedResults.Ok(OrderPreview.Of(validation, OrderChannel.Api, language, services, words));
        }
    }

    public static async Task<Results<Ok<OrderListItem[]>, ValidationProblem>> ListOrders(
        string? status, int? limit, ClaimsPrincipal user, [FromServices] IOrderStore store, CancellationToken cancellationToken)
    {
        OrderStatus? filter = null;
        if (status is not null)
        {
            if (!TryParseStatus(status, out var parsed))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["status"] = [$"Use one of: {string.Join(", ", Enum.GetValues<OrderStatus>().Select(OrderStatuses.Code))}."] },
                    $"The status '{status}' does not exist.", title: "Unknown order status");
            }

            filter = parsed;
        }

        if (limit is < 1 or > MaxListed)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"Between 1 and {MaxListed}."] }, "The limit is out of range.", title: "Bad limit");
        }

        var requester = Requester.From(user);
        var orders = await store.ListAsync(requester.IsCaseworker ? null : requester.Id, filter, limit ?? 100, cancellationToken);
        return TypedResults.Ok(orders.Select(OrderListItem.From).ToArray());
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetOrder(
        Guid id, ClaimsPrincipal user, [FromServices] IOrderStore store, [FromServices] OrderWords words, CancellationToken cancellationToken)
    {
        var requester = Requester.From(user);
        var order = await store.GetAsync(id, cancellationToken);
        if (order is null || !requester.CanSee(order))
        {
            return OrderNotFound.ById(id);
        }

        return TypedResults.Ok(await OrderView.BuildAsync(order, store, requester.IsCaseworker, OrderLinks.For(id), cancellationToken) with
        {
            Words = OrderWordsView.Of(order, words),
        });
    }

    public static async Task<IResult> GetOrderResult(
        Guid id, string? format, string? locale, string? sep, string? lang, ClaimsPrincipal user, [FromServices] IOrderStore store, [FromServices] OrderWords words,
        CancellationToken cancellationToken)
    {
        var order = await store.GetAsync(id, cancellationToken);
        if (order is null || !Requester.From(user).CanSee(order))
        {
            return OrderNotFound.ById(id);
        }

        return await OrderResults.RenderAsync(order, new ResultRequest(format, locale, sep, lang), OrderLinks.For(id), $"order-{id}", store, words, cancellationToken);
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> CancelOrder(
        Guid id, ClaimsPrincipal user, [FromServices] IOrderStore store, [FromServices] TimeProvider time, CancellationToken cancellationToken)
    {
        var requester = Requester.From(user);
        var order = await store.GetAsync(id, cancellationToken);
        if (order is null || !requester.CanSee(order))
        {
            return OrderNotFound.ById(id);
        }

        var reason = requester.IsCaseworker && order.RequesterId != requester.Id ? "Cancelled by a caseworker." : "Cancelled by the requester.";
        return await OrderCancellation.CancelAsync(order, requester.Actor, reason, requester.IsCaseworker, OrderLinks.For(id), store, time, cancellationToken);
    }

    public static bool TryParseStatus(string text, out OrderStatus status) =>
        Enum.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out status)
        && Enum.IsDefined(status) && !int.TryParse(text, out _);

    private static Accepted<OrderAccepted> Accepted(Guid id, OrderStatus status) =>
        TypedResults.Accepted(OrderLinks.For(id).Self, new OrderAccepted(id, status, OrderLinks.For(id)));

    private static bool IsValidIdempotencyKey(string key) =>
        key.Length is > 0 and <= IdempotencyKey.MaxLength && key.All(c => c is > ' ' and <= '~');

    /// <summary>Stored as unix milliseconds; the answer should equal what reads back.</summary>
    public static DateTimeOffset TruncatedNow(TimeProvider time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}

/// <summary>The services the order endpoints use; explicit so none is mistaken for the body.</summary>
public sealed record OrderServices(
    [FromServices] IOrderStore Store,
    [FromServices] IOrderRequestValidator Validator,
    [FromServices] IProductTerms Terms,
    [FromServices] Breakdowns Breakdowns,
    [FromServices] OrderPlacement Placement,
    [FromServices] TimeProvider Time,
    [FromServices] IConfiguration Configuration,
    [FromServices] IHostEnvironment Environment)
{
    /// <summary>Callback URLs on this machine: as the webhook sender allows them (by default in Development only).</summary>
    public bool AllowLoopbackCallbacks =>
        Configuration.GetValue<bool?>($"{WebhookOptions.Section}:AllowLoopback") ?? Environment.IsDevelopment();
}
