using Microsoft.AspNetCore.Diagnostics;
using StatService.Data.Storage;

namespace StatService.Api.Http;

/// <summary>
/// A full disk, a read-only or locked database, PostgreSQL down: 503 with Retry-After, so clients wait and try again
/// (with an Idempotency-Key, safely) instead of reading a 500 as a fault in their order.
/// </summary>
public sealed partial class StorageUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StorageUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!StorageFaults.IsUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The order store is unavailable",
                Detail = $"The service cannot store data just now (disk full, database locked or unreachable); try again in {RetryAfterSeconds} seconds. With the same Idempotency-Key an order is never placed twice.",
            },
        });
    }

    [LoggerMessage(LogLevel.Error, "Storage unavailable during {Method} {Path}: answered 503")]
    private partial void LogUnavailable(Exception exception, string method, string path);
}
