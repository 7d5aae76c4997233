using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StatService.Worker.Pipeline;

/// <summary>
/// Whether <see cref="PipelineWarmup"/> has readied the pipeline, as the readiness check <c>warm-up</c>: Degraded while it
/// runs, saying "Warming:" and the step (orders are taken meanwhile: the first ones wait for what they need, e.g. the
/// ledger's history being read), Healthy once done, off or given up.
/// Not Unhealthy: warming takes seconds, or minutes when a national extract's derived files are made, and the
/// form and status pages must not go away for that.
/// </summary>
public sealed class WarmupProgress : IHealthCheck
{
    private volatile string _state = "Warm-up has not started.";
    private volatile bool _warming = true;

    public bool Warming => _warming;

    /// <summary>The step the warm-up is at, as readiness reports it (e.g. "reading the release ledger of extract version X").</summary>
    public void Step(string step) => _state = $"Warming: {step}.";

    public void Finished(string description)
    {
        _state = description;
        _warming = false;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_warming ? HealthCheckResult.Degraded(_state) : HealthCheckResult.Healthy(_state));
}
