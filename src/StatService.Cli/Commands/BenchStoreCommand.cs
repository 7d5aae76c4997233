using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using StatService.Core.Orders;
using StatService.Data.Orders;
using StatService.Data.Storage;

namespace StatService.Cli.Commands;

/// <summary>
/// <c>statservice bench store</c>: the order store's own latency, SQLite file against PostgreSQL, on the same
/// sequence an order goes through (create, read, queue, start, save result, deliver, read result), one order at a
/// time, then the throughput of order creation from several writers at once (as several API processes would).
/// PostgreSQL runs on a temporary database made with the given connection string and dropped afterwards.
/// </summary>
internal static class BenchStoreCommand
{
    private static readonly string[] Operations = ["create", "get", "queue", "start", "save result", "deliver", "get result"];

    public static Command Create()
    {
        var orders = new Option<int>("--orders") { Description = "Orders taken through the sequence per store.", DefaultValueFactory = _ => 500 };
        var writers = new Option<int>("--writers") { Description = "Concurrent writers for the creation throughput.", DefaultValueFactory = _ => 8 };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string of a role that may create databases (e.g. the output of ops/postgres.sh start); without it only SQLite is measured.",
        };
        var command = new Command("store", "Order store latency and creation throughput: SQLite against PostgreSQL.") { orders, writers, postgres };
        command.SetAction(async (parse, ct) =>
        {
            var count = Math.Max(10, parse.GetValue(orders));
            var parallel = Math.Max(1, parse.GetValue(writers));
            Console.WriteLine($"{count} orders one at a time (median / p95 ms per operation), then {count} creations from {parallel} writers; {Environment.ProcessorCount} cores");
            Console.WriteLine("store       " + string.Join("", Operations.Select(o => o.PadLeft(16))) + "   creations/s");

            var directory = Directory.CreateTempSubdirectory("statservice-bench-store-");
            try
            {
                var path = Path.Combine(directory.FullName, SqliteOrderDatabase.FileName);
                await MeasureAsync("sqlite", () => new SqliteOrderDatabase(path), count, parallel, ct);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                directory.Delete(recursive: true);
            }

            if (parse.GetValue(postgres) is { Length: > 0 } connectionString)
            {
                await WithTemporaryDatabaseAsync(connectionString, database =>
                    MeasureAsync("postgresql", () => new PostgresOrderDatabase(database), count, parallel, ct), ct);
            }

            return 0;
        });
        return command;
    }

    private static async Task MeasureAsync(string name, Func<OrderDatabase> open, int count, int writers, CancellationToken ct)
    {
        var database = open();
        var store = new AdoOrderStore(database);
        var timings = Operations.ToDictionary(o => o, _ => new List<double>(count));
        var result = new string('x', 20_000);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var order = NewOrder(now);
            await Time(timings["create"], () => store.CreateAsync(order, ct));
            await Time(timings["get"], () => store.GetAsync(order.Id, ct));
            var queued = order.Queue(now);
            await Time(timings["queue"], () => store.UpdateAsync(queued, OrderStatus.Submitted, ct));
            var running = queued.Start(now);
            await Time(timings["start"], () => store.UpdateAsync(running, OrderStatus.Queued, ct));
            await Time(timings["save result"], () => store.SaveResultAsync(new OrderResult(order.Id, result, result, now), ct));
            await Time(timings["deliver"], () => store.UpdateAsync(running.Deliver(now, "bench"), OrderStatus.Running, ct));
            await Time(timings["get result"], () => store.GetResultAsync(order.Id, ct));
        }

        var databases = Enumerable.Range(0, writers).Select(_ => open()).ToList();
        var stores = databases.Select(writer => new AdoOrderStore(writer)).ToList();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(stores.Select(async (writer, w) =>
        {
            for (var i = w; i < count; i += writers)
            {
                await writer.CreateAsync(NewOrder(now), ct);
            }
        }));
        var perSecond = count / clock.Elapsed.TotalSeconds;

        Console.WriteLine(name.PadRight(12) + string.Concat(Operations.Select(o => Describe(timings[o]).PadLeft(16)))
            + perSecond.ToString("0", CultureInfo.InvariantCulture).PadLeft(14));
        foreach (var disposable in databases.Append(database).OfType<IAsyncDisposable>())
        {
            await disposable.DisposeAsync();
        }
    }

    private static async Task Time(List<double> into, Func<Task> operation)
    {
        var clock = Stopwatch.StartNew();
        await operation();
        into.Add(clock.Elapsed.TotalMilliseconds);
    }

    private static string Describe(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var p95 = sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(sorted.Length * 0.95) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{median:0.00} / {p95:0.00}");
    }

    private static Order NewOrder(DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Product = "patient-count",
        ParametersJson = """{"diagnoses":{"include":["DE11"],"exclude":[]},"breakdown":["region","sex","ageband"]}""",
        RequesterId = "bench",
        SubmittedAt = now,
    };

    private static async Task WithTemporaryDatabaseAsync(string connectionString, Func<string, Task> measure, CancellationToken ct)
    {
        var name = "statservice_bench_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await measure(new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString);
        }
        finally
        {
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
