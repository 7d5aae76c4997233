using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace StatService.Api.Http;

/// <summary>
/// Every JSON body is read and checked (<see cref="JsonBodyCheck"/>) before its endpoint binds or reads it, so no
/// handler meets a duplicated key or broken text; a bad body is a 400 naming the path, a body over the endpoint's
/// size limit a 413. The handler then reads the same bytes from memory.
/// </summary>
public sealed class JsonBodyCheckMiddleware(RequestDelegate next)
{
    /// <summary>For endpoints that set no limit of their own: every body this API takes is a few fields.</summary>
    public const long DefaultMaxBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasBody(request) || !request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBytes;
        if (request.ContentLength > limit)
        {
            await TooLarge(context);
            return;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                await TooLarge(context);
                return;
            }
        }

        if (JsonBodyCheck.Find(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } fault)
        {
            await TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [fault.Path] = [fault.Reason] },
                    $"The request body cannot be read: '{fault.Path}': {fault.Reason}",
                    title: "The request body is not valid")
                .ExecuteAsync(context);
            return;
        }

        buffer.Position = 0;
        request.Body = buffer;
        // The limit is applied and the body read; the endpoint's own attempt to set a limit now finds nothing to do
        // (the server's feature is read-only once reading began, and would log a warning on every request).
        context.Features.Set<IHttpMaxRequestBodySizeFeature>(new BodyInMemory(limit));
        await next(context);
    }

    private sealed class BodyInMemory(long? limit) : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize
        {
            get => limit;
            set { }
        }
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0
        || (request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true);

    private static Task TooLarge(HttpContext context) =>
        TypedResults.Problem(
                "The request body is too large.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request is not valid",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [JsonBodyCheck.BodyPath] = ["Too large."] } })
            .ExecuteAsync(context);
}
