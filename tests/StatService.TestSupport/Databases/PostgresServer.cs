using System.Diagnostics;
using Npgsql;

namespace StatService.TestSupport;

/// <summary>
/// The real PostgreSQL server the tests run against. <c>ops/test.sh</c> starts a private one with
/// <c>ops/postgres.sh</c> and passes its connection string in <see cref="Variable"/>; without the variable a
/// developer's run starts it through the same script, and CI (<c>CI=true</c>) fails instead of guessing.
/// Each test gets a database of its own, dropped afterwards.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "STATSERVICE_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "statservice_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(Server.Value))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(Server.Value);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. ops/test.sh starts PostgreSQL (bash ops/postgres.sh start) and sets it; the PostgreSQL tests never skip in CI.");
        }

        return StartWithScript();
    }

    /// <summary>A developer's run: <c>ops/postgres.sh start</c> installs, starts and prints the connection string.</summary>
    private static string StartWithScript()
    {
        var script = Path.Combine(RepositoryRoot(), "ops", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("start");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} start failed: {errors.Result}");
        }

        return output.Trim().Split('\n')[^1];
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StatService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above the tests holds StatService.sln, so ops/postgres.sh cannot be found.");
    }
}
