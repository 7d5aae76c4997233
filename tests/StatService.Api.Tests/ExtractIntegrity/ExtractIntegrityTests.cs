using System.Net;
using System.Text.Json;
using StatService.Api.Tests.EndToEnd;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Synthetic;

namespace StatService.Api.Tests.ExtractIntegrity;

/// <summary>
/// A damaged extract file (random bytes inside a Parquet file that queries might skip) is found when the version is
/// opened and by the scheduled check: the version is withdrawn from /api/extracts, orders on it fail saying why, and
/// /health names the version and the file. Restored, it is offered again.
/// </summary>
public sealed class ExtractIntegrityTests : IAsyncLifetime
{
    private const string DamagedFile = "lmdb.parquet";

    private readonly string _extracts = Path.Combine(Path.GetTempPath(), "statservice-tests", $"integrity-{Guid.NewGuid():N}");

    private string _version = string.Empty;

    private string Folder => Path.Combine(_extracts, _version);

    public async Task InitializeAsync()
    {
        var manifest = await SyntheticExtractGenerator.GenerateAsync(new SyntheticExtractOptions
        {
            Persons = 2_000,
            From = new DateOnly(2019, 1, 1),
            To = new DateOnly(2023, 12, 31),
            Seed = 3,
            OutputDirectory = Path.Combine(_extracts, "synthetic-2000-s3"),
        });
        _version = Path.GetFileName(Path.Combine(_extracts, "synthetic-2000-s3"));
        Assert.Contains(manifest.Files!, f => f.File == DamagedFile);
    }

    [Fact]
    public async Task A_damaged_file_found_when_the_version_is_opened_fails_the_order_and_withdraws_the_version()
    {
        Damage();
        await using var application = new StatServiceApplication
        {
            ExtractsDirectory = _extracts,
            Settings = { ["Extracts:IntegrityCheckInterval"] = "00:00:00" },
        };
        using var client = application.CreateClient("demo-journalist");
        Assert.Single(await ExtractsAsync(client));

        var order = await Recovery.ProcessOrders.SubmitAsync(client, DocumentedOrder.Body);
        var failed = await StatServiceApplication.WaitForStatusAsync(client, order, "failed");

        var reason = failed.GetRawText();
        Assert.Contains("withdrawn", reason, StringComparison.Ordinal);
        Assert.Contains(DamagedFile, reason, StringComparison.Ordinal);
        Assert.Empty(await ExtractsAsync(client));
        await AssertHealthNamesAsync(client);
    }

    [Fact]
    public async Task The_scheduled_check_withdraws_a_version_damaged_while_running_and_reinstates_it_when_restored()
    {
        await using var application = new StatServiceApplication
        {
            ExtractsDirectory = _extracts,
            Settings = { ["Extracts:IntegrityCheckInterval"] = "00:00:01" },
        };
        using var client = application.CreateClient("demo-journalist");
        var delivered = await Recovery.ProcessOrders.SubmitAsync(client, DocumentedOrder.Body);
        await StatServiceApplication.WaitForStatusAsync(client, delivered, "delivered");

        var original = Damage();
        await WaitUntilAsync(async () => (await ExtractsAsync(client)).Count == 0);
        await AssertHealthNamesAsync(client);

        // The version opened before the damage is closed too: an order on it fails saying why.
        using (var refused = await client.PostAsync("/api/orders", BadBodies.ProblemAnswer.Json(DocumentedOrder.Body)))
        {
            Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{refused.StatusCode}");
        }

        await File.WriteAllBytesAsync(Path.Combine(Folder, DamagedFile), original);
        await WaitUntilAsync(async () => (await ExtractsAsync(client)).Count == 1);
        var again = await Recovery.ProcessOrders.SubmitAsync(client, DocumentedOrder.Body);
        await StatServiceApplication.WaitForStatusAsync(client, again, "delivered");
    }

    /// <summary>200 KB of random bytes in the middle of the file; returns the original bytes.</summary>
    private byte[] Damage()
    {
        var path = Path.Combine(Folder, DamagedFile);
        var original = File.ReadAllBytes(path);
        var damaged = (byte[])original.Clone();
        var noise = new byte[Math.Min(200 * 1024, damaged.Length / 2)];
        new Random(7).NextBytes(noise);
        noise.CopyTo(damaged, damaged.Length / 4);
        File.WriteAllBytes(path, damaged);
        return original;
    }

    private async Task AssertHealthNamesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var check = JsonDocument.Parse(text).RootElement.GetProperty("checks").GetProperty("extracts");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        var description = check.GetProperty("description").GetString()!;
        Assert.Contains(_version, description, StringComparison.Ordinal);
        Assert.Contains(DamagedFile, description, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> ExtractsAsync(HttpClient client) =>
        [.. JsonDocument.Parse(await client.GetStringAsync("/api/extracts")).RootElement.EnumerateArray()];

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + StatServiceApplication.Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        TemporaryDirectory.Delete(_extracts);
        return Task.CompletedTask;
    }
}
