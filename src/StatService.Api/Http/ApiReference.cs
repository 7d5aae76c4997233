using Scalar.AspNetCore;

namespace StatService.Api.Http;

/// <summary>The interactive API reference at <c>/docs</c>: Scalar over the service's own OpenAPI document.</summary>
public static class ApiReference
{
    public const string Path = "/docs";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder routes)
    {
        routes.MapScalarApiReference(Path, options => options
                .WithTitle("StatService API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return routes;
    }
}
