using StatService.Api.Tests.Recovery;
using StatService.Data.Extracts.Synthetic;

namespace StatService.Browser.Tests.Service;

/// <summary>
/// The built API as a real process on a loopback port, with its worker in-process and a small synthetic
/// extract generated for the test run: the service exactly as a browser meets it.
/// </summary>
public sealed class RunningService : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "statservice-browser-tests", Guid.NewGuid().ToString("N"));
    private ServiceProcess? _process;

    public ServiceLog Log { get; } = new();

    public Uri BaseAddress => _process?.BaseAddress ?? throw new InvalidOperationException("The service has not started.");

    /// <summary>The absolute address of a path on the running service, as a page navigates to it.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async Task InitializeAsync()
    {
        var extracts = Path.Combine(_root, "extracts");
        await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = 20_000,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = 3,
            OutputDirectory = Path.Combine(extracts, "synthetic-20000-s3"),
        });
        // Every browser test places form orders from the one loopback address: more than a visitor's limit per minute.
        _process = ServiceProcess.Start("api", Path.Combine(_root, "data"), extracts, Log, settings: new Dictionary<string, string>
        {
            ["RateLimits:Form:PermitLimit"] = "100",
        });
        await _process.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync()
    {
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is exiting; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RunningServiceCollection : ICollectionFixture<RunningService>
{
    public const string Name = "The service running as a process";
}
