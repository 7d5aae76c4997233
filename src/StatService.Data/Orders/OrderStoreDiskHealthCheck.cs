using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StatService.Data.Storage;

namespace StatService.Data.Orders;

/// <summary>
/// The free space of the disk under the SQLite order store against <c>Storage:MinimumFreeMegabytes</c>: Degraded below
/// twice the minimum, Unhealthy below it. A full disk refuses every write, so /health says so before it happens.
/// </summary>
internal sealed class OrderStoreDiskHealthCheck(SqliteOrderDatabase database, IOptions<StorageOptions> options) : IHealthCheck
{
    private const long Megabyte = 1024 * 1024;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(database.DatabasePath)!;
        var free = new DriveInfo(folder).AvailableFreeSpace;
        var minimum = options.Value.MinimumFreeMegabytes * Megabyte;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minimumFreeBytes"] = minimum };
        var text = $"{free / Megabyte} MB free for the order store, minimum {options.Value.MinimumFreeMegabytes} MB";
        return Task.FromResult(free < minimum
            ? HealthCheckResult.Unhealthy($"{text}: orders cannot be taken safely; free space.", data: data)
            : free < 2 * minimum
                ? HealthCheckResult.Degraded($"{text}: running low.", data: data)
                : HealthCheckResult.Healthy(text, data));
    }
}
