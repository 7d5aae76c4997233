namespace StatService.Api.Tests;

/// <summary>
/// One application for those tests of a class that neither change nor count what it stores (read-only endpoints,
/// refusals of bad input, authentication answers): started on the first test that asks for it and disposed after the
/// class's last test, since a host start costs seconds. Tests that need a fresh store, settings of their own or a
/// restart do not ask for it and start their own.
/// </summary>
public sealed class SharedApplication : IAsyncLifetime
{
    /// <summary>
    /// A class's tests send their requests from one caller within a minute, more than the limits per requester and per
    /// address allow; the limits are not what they check (RateLimitTests do, on applications of their own).
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits:Orders:PermitLimit"] = "100000",
        ["RateLimits:Form:PermitLimit"] = "100000",
    };

    private StatServiceApplication? _application;
    private string? _extractsDirectory;

    /// <summary>The application on the test doubles.</summary>
    public StatServiceApplication Application => Start(null);

    /// <summary>The application on the real catalogue and pipeline over the extracts in <paramref name="extractsDirectory"/>.</summary>
    public StatServiceApplication On(string extractsDirectory) => Start(extractsDirectory);

    private StatServiceApplication Start(string? extractsDirectory)
    {
        if (_application is null)
        {
            _application = new StatServiceApplication { ExtractsDirectory = extractsDirectory };
            foreach (var (key, value) in Settings)
            {
                _application.Settings[key] = value;
            }

            _extractsDirectory = extractsDirectory;
        }
        else if (_extractsDirectory != extractsDirectory)
        {
            // One class, one kind of application: a test asking for another would silently get the first one.
            throw new InvalidOperationException("The shared application was started on other extracts.");
        }

        return _application;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_application is not null)
        {
            await _application.DisposeAsync();
        }
    }
}
