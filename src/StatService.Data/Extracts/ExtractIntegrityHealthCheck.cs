using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StatService.Data.Extracts;

/// <summary>
/// Names every withdrawn extract version and its file: Degraded while other versions still serve orders, Unhealthy when
/// none is left.
/// </summary>
public sealed class ExtractIntegrityHealthCheck(ExtractRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var withdrawn = registry.Withdrawn;
        if (withdrawn.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{registry.All().Count} extract version(s) available."));
        }

        var text = string.Join(" ", withdrawn.Select(f => f.ToString()));
        var data = withdrawn.ToDictionary(f => f.Version, f => (object)f.File);
        return Task.FromResult(registry.All().Count == 0
            ? HealthCheckResult.Unhealthy($"No extract version can be used. {text}", data: data)
            : HealthCheckResult.Degraded(text, data: data));
    }
}
