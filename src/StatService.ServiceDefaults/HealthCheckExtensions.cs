using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class HealthCheckExtensions
{
    public const string HealthPath = "/health";

    /// <summary>The tag of checks that say the process itself is alive (restart it if not).</summary>
    public const string LiveTag = "live";

    /// <summary>
    /// A self check for liveness. Components add their own readiness checks (tag "ready") with
    /// <c>AddHealthChecks().AddCheck(...)</c>; <c>/health</c> runs all of them.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Ready: every check, so a load balancer sends no orders to a process that cannot store or run them.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportJson.WriteAsync });
        // Live: only the process itself, so a slow database does not get the process restarted.
        app.MapHealthChecks(HealthPath + "/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
