using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StatService.Core.Orders;

namespace StatService.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> with keys issued by a caseworker (hashed in the order store) or from configuration. A missing or unknown key is
/// answered 401 with problem+json, like every other error of the API.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    RequesterKeys issuedKeys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var key = header[BearerPrefix.Length..].Trim();
        var requester = keys.Find(key);
        if (requester is null && await issuedKeys.FindAsync(key, Context.RequestAborted) is { } issued)
        {
            requester = new Requester(issued.Id, issued.Kind);
        }

        return requester is null
            ? AuthenticateResult.Fail("The API key is not recognised (or has been revoked).")
            : AuthenticateResult.Success(new AuthenticationTicket(requester.ToPrincipal(SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "An API key is required",
                Detail = result.Failure?.Message ?? "Send your API key as 'Authorization: Bearer <api key>'.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This API key may not do that",
                Detail = "Only caseworkers may use this endpoint.",
            },
        });
    }
}
