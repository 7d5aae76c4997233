using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    // The service's own source and meter (StatService.Core.Telemetry.StatServiceTelemetry), spelled here
    // because this project stays free of the domain. "StatService.*" leaves room for per-component sources.
    private static readonly string[] Sources = ["StatService", "StatService.*", "Quartz"];
    private static readonly string[] Meters = ["StatService", "Quartz"];

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry. They go out over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise logs reach the console as usual and nothing leaves the machine.
    /// </summary>
    public static IHostApplicationBuilder AddStatServiceTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Meters))
            .WithTracing(tracing => tracing
                .AddSource(Sources)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = IsNotHealthProbe)
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    // Probes arrive every few seconds and would drown the traces that matter.
    private static bool IsNotHealthProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments(HealthCheckExtensions.HealthPath);
}
