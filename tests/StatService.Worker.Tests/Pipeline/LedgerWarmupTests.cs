using Microsoft.Data.Sqlite;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Extracts;
using StatService.Data.Ledger;
using StatService.Data.Orders;
using StatService.Data.Storage;
using StatService.Worker.Pipeline;

namespace StatService.Worker.Tests.Pipeline;

/// <summary>
/// The warm-up reads the ledger's history of the versions orders run on into a fresh process's memory, on a real SQLite
/// order store that another process (another ledger instance) recorded into.
/// </summary>
public sealed class LedgerWarmupTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = TemporaryDirectory.Create();
    private readonly SqliteOrderDatabase _database;
    private readonly AdoOrderStore _store;
    private readonly ExtractRegistry _registry;

    public LedgerWarmupTests()
    {
        _database = new SqliteOrderDatabase(Path.Combine(_directory, SqliteOrderDatabase.FileName));
        _store = new AdoOrderStore(_database);
        _registry = new ExtractRegistry(Path.Combine(_directory, "extracts"));
    }

    [Fact]
    public async Task After_the_warm_up_a_fresh_process_holds_every_release_of_the_versions_orders_run_on()
    {
        // Three versions, created in this order: the ledger keeps the newest two in memory, so those are read.
        var (oldest, older, newest) = ("synthetic-100-s1", "synthetic-100-s2", "synthetic-100-s3");
        var recording = new AdoReleaseLedger(_database);
        await RecordAsync(recording, oldest, 2);
        await RecordAsync(recording, older, 3);
        await RecordAsync(recording, newest, 5);
        for (var i = 0; i < 3; i++)
        {
            WriteManifest(new[] { oldest, older, newest }[i], Noon.AddDays(i));
        }

        var fresh = new AdoReleaseLedger(_database);
        Assert.Equal(0, fresh.HeldReleases(newest));
        var steps = new List<string>();

        var loaded = await new LedgerWarmup(fresh, _registry).LoadAsync(new SynchronousProgress(steps), CancellationToken.None);

        Assert.Equal([(older, 3), (newest, 5)], loaded);
        Assert.Equal([older, newest], steps);
        var counted = await CountRecordsAsync();
        Assert.Equal(counted[newest], fresh.HeldReleases(newest));
        Assert.Equal(counted[older], fresh.HeldReleases(older));
        Assert.Equal(0, fresh.HeldReleases(oldest));

        // What another process records after the warm-up is read by the next check, on top of what is held.
        await RecordAsync(recording, newest, 1);
        Assert.Equal(6, (await fresh.EarlierReleasesAsync(newest, Guid.Empty, CancellationToken.None)).Count);
        Assert.Equal(6, fresh.HeldReleases(newest));
    }

    [Fact]
    public async Task A_withdrawn_version_is_not_read()
    {
        var (older, newest) = ("synthetic-100-s1", "synthetic-100-s2");
        await RecordAsync(new AdoReleaseLedger(_database), older, 2);
        WriteManifest(older, Noon);
        WriteManifest(newest, Noon.AddDays(1));
        _registry.Withdraw(new ExtractFault(newest, "cpr_person.parquet", "checksum differs"));
        var fresh = new AdoReleaseLedger(_database);

        var loaded = await new LedgerWarmup(fresh, _registry).LoadAsync(null, CancellationToken.None);

        Assert.Equal([(older, 2)], loaded);
        Assert.Equal(2, fresh.HeldReleases(older));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task RecordAsync(AdoReleaseLedger ledger, string version, int releases)
    {
        for (var r = 0; r < releases; r++)
        {
            var order = new Order
            {
                Id = Guid.NewGuid(), Product = "patient-count", ParametersJson = "{}", RequesterId = "demo-company", SubmittedAt = Noon,
                ExtractVersion = version,
            };
            await _store.CreateAsync(order, CancellationToken.None);
            var persons = new ReleasePersons([new PersonTable("counts", [[r, r + 10], [r + 20]], [new PersonCell(0, [0, 1], 3, 3, false)])]);
            await using var session = await ledger.BeginAsync(version, CancellationToken.None);
            await session.CommitAsync(new OrderResult(order.Id, "{}", "", Noon), new LedgerRelease(order.Id, version, order.Product, Noon, persons, 0, 0), CancellationToken.None);
        }
    }

    /// <summary>The ledger's records per version, counted in the database itself.</summary>
    private async Task<Dictionary<string, int>> CountRecordsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_database.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT extract_version, COUNT(*) FROM release_ledger_persons GROUP BY extract_version";
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    private void WriteManifest(string version, DateTimeOffset createdAt)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_registry.Directory, version)).FullName;
        new ExtractManifest
        {
            SchemaVersion = ExtractManifest.CurrentSchemaVersion, ExtractVersion = version, Kind = "synthetic",
            CoverageFrom = new DateOnly(2021, 1, 1), CoverageTo = new DateOnly(2023, 12, 31), CreatedAt = createdAt,
            Tables = new Dictionary<string, ExtractTable>(),
        }.Write(folder);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, after the assertions).</summary>
    private sealed class SynchronousProgress(List<string> reports) : IProgress<string>
    {
        public void Report(string value) => reports.Add(value);
    }
}
