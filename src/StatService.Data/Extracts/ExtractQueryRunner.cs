using System.Diagnostics;
using DuckDB.NET.Data;
using StatService.Core.Telemetry;

namespace StatService.Data.Extracts;

/// <summary>
/// Runs a product's SQL on an extract version with every value bound as a <c>$name</c> parameter.
/// DuckDB.NET has no real async, so the query runs on the thread pool and cancellation interrupts it.
/// </summary>
public sealed class ExtractQueryRunner(ExtractDatabases databases)
{
    public Task<QueryRows> RunAsync(string version, string queryName, string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        Task.Run(() => Run(version, queryName, sql, parameters, cancellationToken), cancellationToken);

    private QueryRows Run(string version, string queryName, string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("duckdb.query");
        activity?.SetTag("db.system", "duckdb");
        activity?.SetTag("statservice.query", queryName);
        activity?.SetTag("statservice.extract_version", version);
        var started = Stopwatch.GetTimestamp();

        using var connection = databases.Connect(version);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        using var cancel = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = DataReaderRows.ReadAll(reader);

        cancellationToken.ThrowIfCancellationRequested();
        var elapsed = Stopwatch.GetElapsedTime(started);
        StatServiceTelemetry.QueryDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("query", queryName));
        activity?.SetTag("statservice.rows", rows.Count);
        return new QueryRows(columns, rows);
    }
}

/// <summary>Raw query output: stays inside the worker, never delivered or logged.</summary>
public sealed record QueryRows(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    public int Ordinal(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidDataException($"The query returned no column '{column}'.");
    }
}
