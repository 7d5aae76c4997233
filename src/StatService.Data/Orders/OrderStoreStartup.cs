using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatService.Data.Storage;

namespace StatService.Data.Orders;

/// <summary>
/// Brings the order database up to date before the process takes work, and waits for it while it is still
/// starting (a database container beside the service). Several processes starting on one empty PostgreSQL
/// database race to create the same tables; the loser's attempt fails and its next one finds them made.
/// A database that stays away past <see cref="StorageOptions.StartupTimeout"/> stops the process, loudly.
/// </summary>
public sealed partial class OrderStoreStartup(
    OrderDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<OrderStoreStartup> logger) : IHostedService
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public Task StartAsync(CancellationToken cancellationToken) =>
        WaitUntilReadyAsync(database, options.Value.StartupTimeout, time, logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Opens (and so migrates) the database, trying again until it answers or the patience runs out.</summary>
    public static async Task WaitUntilReadyAsync(
        OrderDatabase database, TimeSpan patience, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await database.CanConnectAsync(cancellationToken))
                {
                    return;
                }

                LogNotReady(logger, attempt, "no answer");
            }
            catch (Exception exception) when (exception is not OperationCanceledException && time.GetElapsedTime(started) < patience)
            {
                LogNotReady(logger, attempt, exception.Message);
            }

            if (time.GetElapsedTime(started) >= patience)
            {
                throw new InvalidOperationException($"The order database did not answer within {patience.TotalSeconds:0} s.");
            }

            await Task.Delay(Pause, time, cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The order database is not ready yet (attempt {Attempt}): {Reason}")]
    private static partial void LogNotReady(ILogger logger, int attempt, string reason);
}
