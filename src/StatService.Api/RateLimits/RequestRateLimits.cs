using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace StatService.Api.RateLimits;

public static class RequestRateLimits
{
    /// <summary>Order submissions with an API key: one window per requester.</summary>
    public const string PerRequester = "orders-per-requester";

    /// <summary>Anonymous form submissions: one window per client IP address.</summary>
    public const string PerClientAddress = "form-per-client-address";

    /// <summary>
    /// ASP.NET Core's rate limiter with the two partitioned policies of <see cref="RateLimitOptions"/>; a refused
    /// request gets 429 problem+json with <c>Retry-After</c>. Runs after authentication, so the requester is known.
    /// </summary>
    public static IHostApplicationBuilder AddRequestRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            limiter.AddPolicy(PerRequester, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
                _ => Window(limits.Orders)));
            limiter.AddPolicy(PerClientAddress, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => Window(limits.Form)));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(RateLimitWindow window) => new()
    {
        PermitLimit = window.PermitLimit,
        Window = window.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The rate limit for placing orders is reached; try again in {seconds} s.",
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
