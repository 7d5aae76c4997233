using StatService.Api.Tests.EndToEnd;
using StatService.Api.Tests.Recovery;

namespace StatService.Api.Tests.FileModes;

/// <summary>
/// The service, started as its own process from a parent with the usual umask 022, creates its data folder, demo
/// extract, databases and record-key secret for its own user alone, and delivers an order without loosening that.
/// </summary>
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "statservice-tests", $"modes-{Guid.NewGuid():N}");

    [Fact]
    public async Task Files_the_service_creates_are_for_its_user_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        Directory.CreateDirectory(_root);
        var data = Path.Combine(_root, "data");
        var log = new ServiceLog();
        using (var service = ServiceProcess.Start("api", data, "extracts", log, settings: new Dictionary<string, string>
        {
            ["Extracts:GenerateDemoIfMissing"] = "true",
            ["Extracts:DemoPersons"] = "2000",
        }))
        {
            await service.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
            using var client = service.CreateClient("demo-journalist");
            var id = await ProcessOrders.SubmitAsync(client, DocumentedOrder.Body);
            await WaitUntilDeliveredAsync(client, id);
        }

        foreach (var expected in new[] { "orders.db", "quartz.db", "record-key.secret", "extracts" })
        {
            Assert.True(Path.Exists(Path.Combine(data, expected)), $"{expected} was not created.");
        }

        var loose = new DirectoryInfo(data).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Prepend(new DirectoryInfo(data))
            .Where(entry => (entry.UnixFileMode & GroupOrOther) != 0)
            .Select(entry => $"{Path.GetRelativePath(data, entry.FullName)} {Convert.ToString((int)entry.UnixFileMode, 8)}")
            .ToList();
        Assert.True(loose.Count == 0, "Readable by others: " + string.Join(", ", loose));
    }

    private static async Task WaitUntilDeliveredAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((await ProcessOrders.StatusesAsync(client, [id]))[id] is var status && status != "delivered")
        {
            Assert.True(DateTime.UtcNow < deadline, $"The order is {status}, not delivered.");
            Assert.NotEqual("failed", status);
            await Task.Delay(200);
        }
    }

    public void Dispose() => TemporaryDirectory.Delete(_root);
}
