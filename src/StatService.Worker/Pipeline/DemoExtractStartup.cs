using Microsoft.Extensions.Hosting;

namespace StatService.Worker.Pipeline;

/// <summary>
/// Generates the embedded default's demo extract when the host starts: after the options are validated (a bad
/// configuration stops the start before any work), and before the worker and the server, which are started after it.
/// </summary>
public sealed class DemoExtractStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.EnsureDemoExtractAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
