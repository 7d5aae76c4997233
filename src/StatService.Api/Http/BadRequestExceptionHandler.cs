using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace StatService.Api.Http;

/// <summary>
/// Turns a request the framework could not read (bad JSON, a body too large, a malformed parameter) into a
/// 4xx problem instead of a 500. Anything else is left to the default handler, which writes a 500 problem
/// without the exception's text.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "The request body is too large."),
            BadHttpRequestException bad =>
                (bad.StatusCode, "The request could not be read: check that the body is JSON and the parameters are well formed."),
            JsonException =>
                (StatusCodes.Status400BadRequest, "The request body is not valid JSON."),
            _ => (0, null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = status,
                Title = "The request is not valid",
                Detail = detail,
                // Like every refusal of input, it names what was wrong: here the body (or a parameter) as a whole.
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [JsonBodyCheck.BodyPath] = [detail!] } },
            },
        });
    }
}
