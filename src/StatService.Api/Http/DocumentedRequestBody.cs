using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StatService.Api.Http;

/// <summary>
/// Describes in OpenAPI a body the handler reads itself. <c>Accepts&lt;T&gt;()</c> would describe it too, but
/// would also make routing answer other content types with a bare 415 before the handler can explain.
/// </summary>
public sealed record DocumentedRequestBody(Type Type, string ContentType = "application/json");

public sealed class DocumentedRequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedRequestBody>().LastOrDefault();
        if (body is null)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.Type, parameterDescription: null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = schema } },
        };
    }
}
