using System.Globalization;
using DuckDB.NET.Data;

namespace StatService.Data.Extracts.Synthetic;

/// <summary>
/// The generator's private DuckDB database, on disk in a work folder so that intermediate tables and
/// sorts spill there instead of exhausting memory. DuckDB has no real async: every statement runs on
/// the thread pool and a cancelled token interrupts it.
/// </summary>
internal sealed class SyntheticDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;

    private SyntheticDatabase(DuckDBConnection connection) => _connection = connection;

    public static async Task<SyntheticDatabase> OpenAsync(string workFolder, long memoryLimitBytes, int threads, CancellationToken ct)
    {
        var connection = new DuckDBConnection($"Data Source={Path.Combine(workFolder, "generate.duckdb")}");
        connection.Open();
        var db = new SyntheticDatabase(connection);
        try
        {
            // Every output is written with a total ORDER BY, so insertion order never needs keeping.
            await db.ExecuteAsync(
                $"""
                SET memory_limit = '{memoryLimitBytes / (1024 * 1024)}MB';
                SET threads = {threads};
                SET temp_directory = {Literal(Path.Combine(workFolder, "spill"))};
                SET preserve_insertion_order = false;
                SET autoinstall_known_extensions = false;
                SET autoload_known_extensions = false;
                SET enable_progress_bar = false;
                """, ct).ConfigureAwait(false);
        }
        catch
        {
            db.Dispose();
            throw;
        }

        return db;
    }

    public Task ExecuteAsync(string sql, CancellationToken ct) => RunAsync(cmd =>
    {
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
        return 0;
    }, ct);

    public Task<T> ScalarAsync<T>(string sql, CancellationToken ct) => RunAsync(cmd =>
    {
        cmd.CommandText = sql;
        var value = cmd.ExecuteScalar();
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }, ct);

    public Task<IReadOnlyList<object?[]>> QueryAsync(string sql, CancellationToken ct) => RunAsync<IReadOnlyList<object?[]>>(cmd =>
    {
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        return DataReaderRows.ReadAll(reader);
    }, ct);

    /// <summary>Sets a DuckDB variable read by the scripts with <c>getvariable</c>.</summary>
    public Task SetVariableAsync(string name, object value, CancellationToken ct) =>
        ExecuteAsync($"SET VARIABLE {name} = {Literal(value)};", ct);

    /// <summary>
    /// A SQL literal for a value the generator itself produced (numbers, dates, its own paths):
    /// COPY targets and SET statements take no bound parameters.
    /// </summary>
    public static string Literal(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
        double x => x.ToString("R", CultureInfo.InvariantCulture) + "::DOUBLE",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)! + "::BIGINT",
        _ => throw new ArgumentException($"No SQL literal for {value.GetType().Name}.", nameof(value)),
    };

    private Task<T> RunAsync<T>(Func<DuckDBCommand, T> run, CancellationToken ct) => Task.Run(() =>
    {
        ct.ThrowIfCancellationRequested();
        using var cmd = _connection.CreateCommand();
        using var registration = ct.Register(cmd.Cancel);
        try
        {
            return run(cmd);
        }
        catch (DuckDBException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
    }, ct);

    public void Dispose() => _connection.Dispose();
}
