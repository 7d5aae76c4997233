using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatService.Data.Extracts;

namespace StatService.Worker.Pipeline;

/// <summary>
/// Checks every extract version's files against their manifest checksums at start and then every
/// <c>Extracts:IntegrityCheckInterval</c>: a version whose files changed, went missing or cannot be read is withdrawn
/// (not listed, no order runs on it, /health names it); one whose files pass again is reinstated.
/// </summary>
public sealed partial class ExtractIntegrityMonitor(
    ExtractRegistry registry, ExtractDatabases databases, ExtractOptions options, ILogger<ExtractIntegrityMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.IntegrityCheckInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.IntegrityCheckInterval);
        do
        {
            // Hashing reads every byte: off the host's start-up path.
            await Task.Run(() => CheckAll(stoppingToken), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public void CheckAll(CancellationToken cancellationToken)
    {
        registry.Refresh();
        foreach (var (manifest, folder) in registry.Scan())
        {
            var fault = ExtractIntegrity.Verify(manifest, folder, cancellationToken);
            if (fault is not null && registry.WithdrawalOf(manifest.ExtractVersion) is null)
            {
                registry.Withdraw(fault);
                databases.Close(manifest.ExtractVersion);
                LogWithdrawn(fault.Version, fault.File, fault.Problem);
            }
            else if (fault is null && registry.Reinstate(manifest.ExtractVersion))
            {
                LogReinstated(manifest.ExtractVersion);
            }
        }
    }

    [LoggerMessage(LogLevel.Critical, "Extract version {Version} withdrawn: file {File} {Problem}")]
    private partial void LogWithdrawn(string version, string file, string problem);

    [LoggerMessage(LogLevel.Warning, "Extract version {Version} reinstated: its files match the manifest again")]
    private partial void LogReinstated(string version);
}
