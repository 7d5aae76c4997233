using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every StatService process (API, worker) shares: telemetry, health checks and problem details.
/// In the host's namespace so Program.cs needs no extra using.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddStatServiceTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>Maps <c>/health</c> (ready: every check) and <c>/health/live</c> (the process answers).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        return app;
    }
}
