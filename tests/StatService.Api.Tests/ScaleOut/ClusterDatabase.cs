using Npgsql;

namespace StatService.Api.Tests.ScaleOut;

/// <summary>Reads the shared PostgreSQL database directly: what is stored and which worker holds which run.</summary>
public sealed class ClusterDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>Each order's stored status (lower-case, as in the table).</summary>
    public async Task<Dictionary<Guid, string>> StatusesAsync() =>
        (await QueryAsync("SELECT id, status FROM orders", reader => (Guid.Parse(reader.GetString(0)), reader.GetString(1))))
            .ToDictionary(row => row.Item1, row => row.Item2);

    /// <summary>How many result rows each order has; an order without a result is absent.</summary>
    public async Task<Dictionary<Guid, long>> ResultCountsAsync() =>
        (await QueryAsync("SELECT order_id, COUNT(*) FROM order_results GROUP BY order_id", reader => (Guid.Parse(reader.GetString(0)), reader.GetInt64(1))))
            .ToDictionary(row => row.Item1, row => row.Item2);

    /// <summary>The order runs Quartz has fired and not finished, with the scheduler instance running each.</summary>
    public async Task<List<(string Instance, Guid OrderId)>> ExecutingRunsAsync() =>
        await QueryAsync(
            "SELECT instance_name, job_name FROM qrtz_fired_triggers WHERE state = 'EXECUTING' AND job_group = 'orders'",
            reader => (reader.GetString(0), Guid.Parse(reader.GetString(1))));

    /// <summary>The scheduler names (clusters) that have checked in to this database.</summary>
    public async Task<List<string>> SchedulerNamesAsync() =>
        await QueryAsync("SELECT DISTINCT sched_name FROM qrtz_scheduler_state", reader => reader.GetString(0));

    /// <summary>The scheduler instances that have checked in to the cluster.</summary>
    public async Task<List<string>> CheckedInInstancesAsync() =>
        await QueryAsync("SELECT instance_name FROM qrtz_scheduler_state", reader => reader.GetString(0));

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
