using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;

namespace StatService.Api.Tests.Recovery;

/// <summary>
/// The built API (<c>StatService.Api.dll</c>), or the worker host, running as a separate OS process on 127.0.0.1,
/// so it can be killed the way a crash or an OOM killer ends it: no shutdown hooks, no graceful handover. Its
/// stdout and stderr are kept (in <see cref="ServiceLog"/>) to show when a test fails.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private const string ApiAssembly = "StatService.Api.dll";

    /// <summary>The worker as a process of its own (the scaled-out layout).</summary>
    public const string WorkerAssembly = "StatService.Worker.Host.dll";

    private readonly Process _process;
    private readonly ServiceLog _log;
    private readonly string _name;

    private ServiceProcess(Process process, ServiceLog log, string name, Uri baseAddress)
    {
        _process = process;
        _log = log;
        _name = name;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the API (or the host named by <paramref name="assembly"/>) on a free loopback port with its data in
    /// <paramref name="dataDirectory"/>; <paramref name="settings"/> are further configuration keys and values.
    /// </summary>
    public static ServiceProcess Start(
        string name, string dataDirectory, string extractsDirectory, ServiceLog log,
        string assembly = ApiAssembly, IReadOnlyDictionary<string, string>? settings = null)
    {
        var api = FindApi(assembly);
        var port = FreeLoopbackPort();
        // The host that runs the tests (set by the SDK), so the service runs on the same runtime.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            // The content root (appsettings.json, the API keys) is the working directory, as in a deployment.
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            api,
            "--urls", $"http://127.0.0.1:{port}",
            "--Storage:DataDirectory", dataDirectory,
            "--Extracts:Directory", extractsDirectory,
            "--Extracts:GenerateDemoIfMissing", "false",
            // These tests are about recovery and storage, not start-up speed; the warm-up competes with their orders for
            // the two cores (as the test hosts, they leave it off).
            "--Extracts:WarmOnStart", "false",
            // One timestamped line per entry, with Quartz's own account of recovery, for the failure output.
            "--Logging:Console:FormatterName", "simple",
            "--Logging:Console:FormatterOptions:SingleLine", "true",
            "--Logging:Console:FormatterOptions:TimestampFormat", "HH:mm:ss.fff ",
            "--Logging:LogLevel:Quartz", "Information",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add("--" + key);
            start.ArgumentList.Add(value);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Telemetry stays inside the test.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => log.Add(name, "out", line.Data);
        process.ErrorDataReceived += (_, line) => log.Add(name, "err", line.Data);
        log.Add(name, "test", $"starting {api} on port {port}");
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {api}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(process, log, name, new Uri($"http://127.0.0.1:{port}/"));
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Waits until <c>/health</c> (every readiness check: order store, Quartz) answers 200.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan patience, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                using var response = await client.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _log.Add(_name, "test", $"healthy after {deadline.ElapsedMilliseconds} ms");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer while starting; ask again.
            }

            if (deadline.Elapsed > patience)
            {
                throw new TimeoutException($"{_name} was not healthy within {patience.TotalSeconds:0} s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Waits for the process to end by itself (a refused start) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // the end of the redirected output, so the log is complete
        _log.Add(_name, "test", $"exited with code {_process.ExitCode}");
        return _process.ExitCode;
    }

    /// <summary>SIGKILL (on Windows, TerminateProcess) to the process and its children, then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _log.Add(_name, "test", "killed");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    /// <summary>
    /// The API beside the tests (the project reference copies it, with its runtimeconfig); otherwise the API
    /// project's own output for the same configuration and framework, found from the solution folder.
    /// </summary>
    private static string FindApi(string assembly)
    {
        var here = AppContext.BaseDirectory;
        if (IsRunnable(Path.Combine(here, assembly)))
        {
            return Path.Combine(here, assembly);
        }

        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(here).Name;
        for (var folder = new DirectoryInfo(here); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StatService.sln")))
            {
                var candidate = Path.Combine(folder.FullName, "src", Path.GetFileNameWithoutExtension(assembly), "bin", configuration, framework, assembly);
                if (IsRunnable(candidate))
                {
                    return candidate;
                }

                throw new FileNotFoundException($"Build the API first: {candidate} (or its runtimeconfig) is missing.", candidate);
            }
        }

        throw new FileNotFoundException($"{assembly} is neither beside the tests nor under a folder holding StatService.sln.");
    }

    private static bool IsRunnable(string assembly) =>
        File.Exists(assembly) && File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json"));

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What the service processes of one test wrote, in order, tagged by process and stream; safe across threads.</summary>
public sealed class ServiceLog
{
    private readonly Lock _gate = new();
    private readonly List<(string Process, string Stream, string Line)> _lines = [];

    public void Add(string process, string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add((process, stream, line));
        }
    }

    /// <summary>Waits until <paramref name="process"/> has written a line containing <paramref name="text"/>.</summary>
    public async Task WaitForAsync(string process, string text, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (!Contains(process, text))
        {
            if (waited.Elapsed > patience)
            {
                throw new TimeoutException($"{process} did not write '{text}' within {patience.TotalSeconds:0} s.");
            }

            await Task.Delay(20);
        }
    }

    private bool Contains(string process, string text)
    {
        lock (_gate)
        {
            return _lines.Exists(l => l.Process == process && l.Line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>Every line, or only those of <paramref name="process"/>.</summary>
    public string Text(string? process = null)
    {
        lock (_gate)
        {
            return string.Join(
                Environment.NewLine,
                _lines.Where(l => process is null || l.Process == process).Select(l => $"[{l.Process} {l.Stream}] {l.Line}"));
        }
    }
}
