namespace StatService.Api.Tests.Recovery;

/// <summary>A start the service must refuse, seen from outside: the real process, its exit code and what it wrote.</summary>
internal static class RefusedStart
{
    /// <summary>
    /// Starts the real service process with the settings, expects it to refuse the start (exit by itself with a
    /// non-zero code, never listening) and returns everything it wrote, as an operator would see it.
    /// </summary>
    public static async Task<string> LogAsync(IReadOnlyDictionary<string, string> settings)
    {
        var data = TemporaryDirectory.Create();
        try
        {
            var log = new ServiceLog();
            using var service = ServiceProcess.Start("api", data, data, log, settings: settings);

            var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.NotEqual(0, exitCode);
            return log.Text("api");
        }
        finally
        {
            TemporaryDirectory.Delete(data);
        }
    }
}
