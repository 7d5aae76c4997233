using System.Diagnostics;
using DuckDB.NET.Data;
using Npgsql;
using StatService.Data.Extracts;

namespace StatService.Bench.SideBySide;

/// <summary>
/// Loads an extract version's registers into a PostgreSQL schema of its own (once; <c>--reload</c> to redo): each
/// register written by DuckDB as CSV and streamed through COPY, then the indexes of <c>postgres/indexes.sql</c>.
/// </summary>
internal static class PostgresLoad
{
    public static string SchemaOf(string version) =>
        "bench_" + new string([.. version.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    public static async Task EnsureAsync(NpgsqlDataSource postgres, string folder, ExtractManifest manifest, bool reload, CancellationToken ct)
    {
        var schema = SchemaOf(manifest.ExtractVersion);
        if (!reload && await ScalarAsync(postgres, $"SELECT to_regclass('{schema}.loaded') IS NOT NULL", ct) is true)
        {
            Console.WriteLine($"PostgreSQL schema {schema} already loaded (--reload to load again)");
            return;
        }

        await ExecuteAsync(postgres, $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}; SET search_path TO {schema}; "
            + await File.ReadAllTextAsync(Sql("schema.sql"), ct), ct);

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        RegisterViews.Create(duck, folder, manifest);
        var work = Directory.CreateTempSubdirectory("side-by-side-");
        try
        {
            foreach (var table in manifest.Tables.Keys.Order(StringComparer.Ordinal))
            {
                var clock = Stopwatch.StartNew();
                var columns = await ColumnsAsync(postgres, schema, table, ct);
                var csv = Path.Combine(work.FullName, table + ".csv");
                using (var export = duck.CreateCommand())
                {
                    export.CommandText = $"COPY (SELECT {string.Join(", ", columns)} FROM {table}) TO '{csv}' (FORMAT csv, HEADER false)";
                    export.ExecuteNonQuery();
                }

                await using (var connection = await postgres.OpenConnectionAsync(ct))
                await using (var writer = await connection.BeginTextImportAsync($"COPY {schema}.{table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT csv)", ct))
                using (var reader = new StreamReader(csv))
                {
                    var buffer = new char[1 << 16];
                    int read;
                    while ((read = await reader.ReadAsync(buffer, ct)) > 0)
                    {
                        await writer.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                }

                File.Delete(csv);
                Console.WriteLine($"loaded {table}: {manifest.Tables[table].Rows:N0} rows in {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        var indexing = Stopwatch.StartNew();
        await ExecuteAsync(postgres, $"SET search_path TO {schema}; SET maintenance_work_mem = '1GB'; " + await File.ReadAllTextAsync(Sql("indexes.sql"), ct), ct);
        await ExecuteAsync(postgres, $"CREATE TABLE {schema}.loaded (at timestamptz DEFAULT now()); INSERT INTO {schema}.loaded DEFAULT VALUES", ct);
        Console.WriteLine($"indexes and statistics in {indexing.Elapsed.TotalSeconds:F0} s");
    }

    public static string Sql(string name) => Path.Combine(AppContext.BaseDirectory, "postgres", name);

    private static async Task<List<string>> ColumnsAsync(NpgsqlDataSource postgres, string schema, string table, CancellationToken ct)
    {
        await using var command = postgres.CreateCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count > 0 ? columns : throw new InvalidDataException($"postgres/schema.sql has no table {table}.");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource postgres, string sql, CancellationToken ct)
    {
        await using var connection = await postgres.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource postgres, string sql, CancellationToken ct)
    {
        await using var command = postgres.CreateCommand(sql);
        return await command.ExecuteScalarAsync(ct);
    }
}
