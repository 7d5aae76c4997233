using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Api.Http;
using StatService.Api.Orders;
using StatService.Api.RateLimits;
using StatService.Core.Orders;
using StatService.Core.Telemetry;

namespace StatService.Api.Form;

/// <summary>
/// The web form's order endpoint: no API key, limited per client address, and every order is reviewed by a
/// caseworker. The requester follows the order by an unguessable status token, of which only the hash is stored.
/// </summary>
public static class FormApi
{
    public static readonly string[] Languages = ["da", "en"];

    private static readonly string[] FormFields = ["purpose", "contact", "requesterKind", "language"];

    public static RouteHandlerBuilder MapForm(this IEndpointRouteBuilder routes)
    {
        // Not rate-limited like placing orders: a preview stores nothing and runs no query, and the form asks for one as it is filled.
        routes.MapPost("/api/form/orders/preview", PreviewFormOrder)
            .WithTags("Form")
            .WithName("PreviewFormOrder")
            .WithSummary("What a form order would be, without placing it (no API key): the definition in words, estimated cells, review and price quote; nothing is stored")
            .AllowAnonymous()
            .WithMetadata(new DocumentedRequestBody(typeof(FormOrderRequest)))
            .WithMetadata(new RequestSizeLimitAttribute(OrderBody.MaxBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return routes.MapPost("/api/form/orders", SubmitFormOrder)
            .WithTags("Form")
            .WithName("SubmitFormOrder")
            .WithSummary("Place an order from the web form (no API key); answered with a status link")
            .AllowAnonymous()
            .WithMetadata(new DocumentedRequestBody(typeof(FormOrderRequest)))
            .WithMetadata(new RequestSizeLimitAttribute(OrderBody.MaxBytes))
            .RequireRateLimiting(RequestRateLimits.PerClientAddress)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>
    /// The form order's checks on what is filled in so far (purpose, contact and requester kind may still be empty, but
    /// what is given must be valid) and the same 400 answer; a valid specification is described, never stored.
    /// </summary>
    public static async Task<Results<Ok<OrderPreview>, ValidationProblem>> PreviewFormOrder(
        HttpRequest request, [AsParameters] OrderServices services, [FromServices] Results.OrderWords words, CancellationToken cancellationToken)
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
            OrderFields.Read(root, errors, required: false, allowLoopbackCallbacks: false);
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("requesterKind", out var kind) && kind.ValueKind != JsonValueKind.Null)
            {
                ReadRequesterKind(root, errors);
            }

            var language = ReadLanguage(root, errors);
            var validation = OrderSpecification.Validate(services.Validator, root, FormFields, errors);
            var answered = RequestLanguage.Of(request, language);
            return errors.Count > 0 || validation.Product is null || validation.ParametersJson is null
                ? OrderSpecification.Problem(errors, validation, answered)
                : TypedResults.Ok(OrderPreview.Of(validation, OrderChannel.Form, answered, services, words));
        }
    }

    public static async Task<Results<Accepted<FormOrderAccepted>, ValidationProblem>> SubmitFormOrder(
        HttpRequest request, [AsParameters] OrderServices services, CancellationToken cancellationToken)
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
            // Form orders have no callback URL: webhooks need a signing key shared with an API client.
            var fields = OrderFields.Read(root, errors, required: true, allowLoopbackCallbacks: false);
            var kind = ReadRequesterKind(root, errors);
            var language = ReadLanguage(root, errors);
            var validation = OrderSpecification.Validate(services.Validator, root, FormFields, errors);
            if (errors.Count > 0 || validation.Product is null || validation.ParametersJson is null || kind is null)
            {
                // The form's own language choice, else the browser's.
                return OrderSpecification.Problem(errors, validation, RequestLanguage.Of(request, language));
            }

            var token = Secrets.NewToken();
            // Every form order is reviewed (ReviewPolicy); its requester follows it by status token only.
            var order = NewOrder.Create(validation, fields, OrderChannel.Form, Order.FormRequesterId, kind.Value, language, services)
                with { StatusTokenHash = Secrets.Hash(token) };
            await services.Store.CreateAsync(order, cancellationToken);
            StatServiceTelemetry.OrdersSubmitted.Add(
                1, new("product", order.Product), new("requester.kind", RequesterKinds.Code(kind.Value)));
            await services.Placement.ForwardAsync(order, OrderActors.Form);

            var links = OrderLinks.ForStatusToken(token);
            return TypedResults.Accepted(links.Self, new FormOrderAccepted(order.Id, token, $"/status/{token}"));
        }
    }

    private static RequesterKind? ReadRequesterKind(JsonElement root, Dictionary<string, string[]> errors)
    {
        var text = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("requesterKind", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (RequesterKinds.TryParse(text, out var kind) && RequesterKinds.Outside.Contains(kind))
        {
            return kind;
        }

        errors["requesterKind"] = [$"Required: one of {RequesterKinds.Codes(RequesterKinds.Outside)}."];
        return null;
    }

    private static string? ReadLanguage(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("language", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "da";
        }

        if (value.ValueKind == JsonValueKind.String && Languages.Contains(value.GetString()))
        {
            return value.GetString();
        }

        errors["language"] = ["One of: da, en."];
        return null;
    }
}
