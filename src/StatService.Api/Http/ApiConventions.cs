using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace StatService.Api.Http;

public static class ApiConventions
{
    /// <summary>
    /// How the API speaks: camelCase JSON with lower-case enum values, RFC 9457 problems for every error
    /// (with a trace id to quote), and unreadable requests answered as 4xx problems, never as 500.
    /// </summary>
    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            // A refusal the framework answers itself (routing's 415 for a body that is not JSON, say) names the body,
            // like every other refusal of input.
            if (context.ProblemDetails.Status is StatusCodes.Status400BadRequest or StatusCodes.Status413PayloadTooLarge
                    or StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status422UnprocessableEntity
                && context.ProblemDetails is not HttpValidationProblemDetails && !context.ProblemDetails.Extensions.ContainsKey("errors"))
            {
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]>
                {
                    [JsonBodyCheck.BodyPath] = [context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType
                        ? "Not JSON: send the body with the header 'Content-Type: application/json'."
                        : context.ProblemDetails.Detail ?? context.ProblemDetails.Title ?? "Not valid."],
                };
            }
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<StorageUnavailableExceptionHandler>();

        // Binding failures throw (and reach BadRequestExceptionHandler) in every environment, not only Development.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "StatService";
                document.Info.Description =
                    "Order aggregated, disclosure-protected statistics from the Danish national health registers.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<DocumentedRequestBodyTransformer>();
            options.AddSchemaTransformer<OrderSpecSchemaTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// Checks every JSON body (duplicate keys, broken text, size) before an endpoint reads it: after routing, so the
    /// endpoint's size limit is known, and after authentication and rate limits, so strangers' bodies are not read.
    /// </summary>
    public static IApplicationBuilder UseJsonBodyCheck(this IApplicationBuilder app) => app.UseMiddleware<JsonBodyCheckMiddleware>();
}
