using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatService.Data.Storage;

namespace StatService.Data.Orders;

/// <summary>Ready only when the order database answers: without it no order can be taken or delivered.</summary>
internal sealed class OrderStoreHealthCheck(OrderDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The order database did not answer.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The order database cannot be reached.", exception);
        }
    }
}
