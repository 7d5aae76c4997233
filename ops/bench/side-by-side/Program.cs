using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using StatService.Bench.SideBySide;
using StatService.Cli.Commands;
using StatService.Core.Catalogue;
using StatService.Core.OrderSpec;
using StatService.Data.Extracts;
using StatService.Worker.Pipeline;

// side-by-side --extract DIR --postgres CONNECTION [--runs 5] [--period-year 2023] [--reload]
// Each product's documented example on DuckDB (the service's query path: ExtractQueryRunner over the version's
// registers and derived tables) and on PostgreSQL (postgres/<product>.sql over the registers with a DBA's indexes),
// run alternately; prints the medians of the warm runs, whether both returned the same cells, and the ratio.
var options = Arguments.Parse(args);
var folder = Path.GetFullPath(options["--extract"]);
var manifest = ExtractManifest.Read(folder);
var runs = int.Parse(options.GetValueOrDefault("--runs", "5"), CultureInfo.InvariantCulture);
var ct = CancellationToken.None;

await using var postgres = NpgsqlDataSource.Create(options["--postgres"]);
await PostgresLoad.EnsureAsync(postgres, folder, manifest, options.ContainsKey("--reload"), ct);
var schema = PostgresLoad.SchemaOf(manifest.ExtractVersion);

using var offline = new OfflinePipeline(Path.GetDirectoryName(folder)!, manifest.ExtractVersion);
offline.Databases.Connect(manifest.ExtractVersion).Dispose();
Console.WriteLine($"extract {manifest.ExtractVersion} ({manifest.Persons:N0} persons), {Environment.ProcessorCount} cores, {runs} warm runs each after a cold one");

var cohort = await File.ReadAllTextAsync(PostgresLoad.Sql("cohort.sql"), ct);
var summary = new List<string>();
foreach (var id in offline.Catalogue.Ids)
{
    var body = offline.Catalogue.Find(id)!.Example.GetRawText();
    if (options.TryGetValue("--period-year", out var year))
    {
        body = ExamplePeriodShift.MoveInto(body, int.Parse(year, CultureInfo.InvariantCulture), manifest);
    }

    using var document = JsonDocument.Parse(body);
    var validation = offline.Validator.Validate(document.RootElement);
    if (!validation.IsValid)
    {
        Console.WriteLine($"{id} skipped: {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        continue;
    }

    var product = offline.Catalogue.Find(validation.Product!)!;
    var values = CohortQueryParameters.For(CohortParametersJson.Deserialize(validation.ParametersJson!), product, offline.Breakdowns);
    var postgresSql = (await File.ReadAllTextAsync(PostgresLoad.Sql(id + ".sql"), ct)).Replace("-- @include cohort.sql", cohort, StringComparison.Ordinal);

    var duckTimes = new List<double>();
    var postgresTimes = new List<double>();
    List<string> duckCells = [], postgresCells = [];
    for (var run = 0; run <= runs; run++)
    {
        var clock = Stopwatch.StartNew();
        var rows = await offline.Queries.RunAsync(manifest.ExtractVersion, product.QueryFile, product.Sql, values, ct);
        var duck = clock.Elapsed.TotalMilliseconds;
        duckCells = Cells(rows.Rows.Select(r => (r[rows.Ordinal("tbl")], r[rows.Ordinal("d1")], r[rows.Ordinal("d2")], r[rows.Ordinal("d3")], r[rows.Ordinal("value")])));

        clock.Restart();
        postgresCells = await PostgresCellsAsync(postgres, schema, postgresSql, values, ct);
        var pg = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id,-22} {(run == 0 ? "cold" : $"run {run}"),-6} DuckDB {duck,8:F0} ms   PostgreSQL {pg,8:F0} ms"));
        if (run > 0)
        {
            duckTimes.Add(duck);
            postgresTimes.Add(pg);
        }
    }

    var same = duckCells.SequenceEqual(postgresCells);
    if (!same)
    {
        Console.WriteLine($"{id}: cells differ, e.g. DuckDB only {duckCells.Except(postgresCells).FirstOrDefault()}, PostgreSQL only {postgresCells.Except(duckCells).FirstOrDefault()}");
    }

    var (d, p) = (Median(duckTimes), Median(postgresTimes));
    summary.Add(string.Create(CultureInfo.InvariantCulture, $"{id,-22} {duckCells.Count,6} {(same ? "yes" : "NO"),9} {d,10:F0} {p,14:F0} {d / p,15:F2} {p / d,15:F1}"));
}

Console.WriteLine();
Console.WriteLine("product                 cells identical  DuckDB ms  PostgreSQL ms  DuckDB/PgSQL  PgSQL/DuckDB");
summary.ForEach(Console.WriteLine);
return 0;

static double Median(List<double> values)
{
    if (values.Count == 0)
    {
        return double.NaN;
    }

    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

// Cells as sorted text lines, to compare the two engines' answers.
static List<string> Cells(IEnumerable<(object? Table, object? D1, object? D2, object? D3, object? Value)> rows) =>
    [.. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Table}|{r.D1}|{r.D2}|{r.D3}|{Convert.ToInt64(r.Value, CultureInfo.InvariantCulture)}")).Order(StringComparer.Ordinal)];

static async Task<List<string>> PostgresCellsAsync(NpgsqlDataSource postgres, string schema, string sql, IReadOnlyDictionary<string, object?> values, CancellationToken ct)
{
    await using var connection = await postgres.OpenConnectionAsync(ct);
    await using (var setup = new NpgsqlCommand($"SET search_path TO {schema}; SET work_mem = '256MB'", connection))
    {
        await setup.ExecuteNonQueryAsync(ct);
    }

    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    foreach (var name in Regex.Matches(sql, @"@([a-z][a-z0-9_]*)").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal))
    {
        var value = values.TryGetValue(name, out var v) ? v : throw new InvalidDataException($"The PostgreSQL SQL uses @{name}, which the product's SQL does not bind.");
        command.Parameters.Add(new NpgsqlParameter(name, value switch
        {
            null => DBNull.Value,
            List<string> list => list.ToArray(),
            _ => value,
        }));
    }

    var rows = new List<(object?, object?, object?, object?, object?)>();
    await using var reader = await command.ExecuteReaderAsync(ct);
    while (await reader.ReadAsync(ct))
    {
        rows.Add((reader.GetValue(0), reader.GetValue(1), reader.GetValue(2), reader.GetValue(3), reader.GetValue(4)));
    }

    return Cells(rows);
}

/// <summary>--name value pairs and bare --flags.</summary>
internal static class Arguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        foreach (var required in new[] { "--extract", "--postgres" })
        {
            if (!options.ContainsKey(required))
            {
                Console.Error.WriteLine("usage: side-by-side --extract DIR --postgres CONNECTION [--runs 5] [--period-year YEAR] [--reload]");
                Environment.Exit(2);
            }
        }

        return options;
    }
}
