using System.Collections.Concurrent;
using DuckDB.NET.Data;
using StatService.Data.Extracts.Import;

namespace StatService.Data.Extracts;

/// <summary>
/// One in-memory DuckDB database per extract version, with a view per register: over its Parquet file,
/// or over its table in the version's DuckDB database file, attached read-only. Either way product SQL
/// sees the same register names.
/// An anchor connection keeps each database (and its settings) alive for the process lifetime;
/// every query gets its own duplicate connection, since DuckDB connections are not shared across threads.
/// </summary>
public sealed class ExtractDatabases(ExtractRegistry registry, ExtractOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<DuckDBConnection>> _anchors = new(StringComparer.Ordinal);
    private readonly Lock _duplicateGate = new();

    /// <summary>A new connection to the version's database; the caller disposes it.</summary>
    /// <exception cref="ExtractWithdrawnException">The version's files failed their check, now or before.</exception>
    public DuckDBConnection Connect(string version)
    {
        if (registry.WithdrawalOf(version) is { } withdrawn)
        {
            throw new ExtractWithdrawnException(withdrawn);
        }

        var lazy = _anchors.GetOrAdd(version, v => new Lazy<DuckDBConnection>(() => Open(v)));
        DuckDBConnection anchor;
        try
        {
            anchor = lazy.Value;
        }
        catch
        {
            // Lazy keeps its exception; the next order tries again (the file may be back).
            _anchors.TryRemove(new KeyValuePair<string, Lazy<DuckDBConnection>>(version, lazy));
            throw;
        }

        DuckDBConnection connection;
        lock (_duplicateGate)
        {
            connection = anchor.Duplicate();
        }

        connection.Open();
        return connection;
    }

    private DuckDBConnection Open(string version)
    {
        var folder = registry.FolderOf(version) ?? throw new DirectoryNotFoundException($"Extract version '{version}' does not exist.");
        var manifest = ExtractManifest.Read(folder);
        // Opened once per process: every byte read, so damage that queries would skip past is found before any release.
        if (ExtractIntegrity.Verify(manifest, folder) is { } fault)
        {
            registry.Withdraw(fault);
            throw new ExtractWithdrawnException(fault);
        }

        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET autoinstall_known_extensions = false");
        Execute(connection, "SET autoload_known_extensions = false");
        if (options.Threads > 0)
        {
            Execute(connection, $"SET threads = {options.Threads}");
        }

        if (!string.IsNullOrWhiteSpace(options.MemoryLimit))
        {
            // Validated by ExtractOptions' pattern: digits and a unit only.
            Execute(connection, $"SET memory_limit = '{options.MemoryLimit}'");
        }

        if (manifest.Database is { } database)
        {
            // One database file, opened read-only: the version cannot change under running orders.
            Execute(connection, $"ATTACH {Literal(folder, database)} AS extract_db (READ_ONLY)");
        }

        foreach (var (table, file) in manifest.Tables)
        {
            if (!RegisterNames.IsKnown(table))
            {
                throw new InvalidDataException($"Extract '{version}' lists an unknown table '{table}'.");
            }

            // Names come from our own manifest (checked above), paths from our own folder; quotes are still escaped.
            Execute(connection, manifest.Database is null
                ? $"CREATE VIEW {table} AS SELECT * FROM read_parquet({Literal(folder, file.File)})"
                : $"CREATE VIEW {table} AS SELECT * FROM extract_db.main.{table}");
        }

        // An optional register the delivery did not include (procedures, say) is an empty view with the stored
        // columns, so product SQL that can refer to it still compiles and simply finds no rows.
        foreach (var register in ImportSchema.Registers.Where(r => !r.Required && !manifest.Tables.ContainsKey(r.Table)))
        {
            var columns = string.Join(", ", register.Columns.Select(c => $"CAST(NULL AS {ImportSchema.SqlType(c.Type)}) AS {c.Name}"));
            Execute(connection, $"CREATE VIEW {register.Table} AS SELECT {columns} WHERE false");
        }

        // The person index: every person of the version ranked by pseudonym, so a place is the same on every open and
        // machine. The release ledger keeps places, never pseudonyms.
        Execute(connection, $"CREATE TABLE {PersonIndexTable} AS SELECT pnr, CAST(row_number() OVER (ORDER BY pnr) - 1 AS INTEGER) AS pid FROM cpr_person");
        return connection;
    }

    /// <summary>Each person's place (0, 1, ...) in the extract version, by pseudonym.</summary>
    public const string PersonIndexTable = "person_index";

    /// <summary>Closes a withdrawn version's database: queries already running finish, new ones are refused.</summary>
    public void Close(string version)
    {
        if (_anchors.TryRemove(version, out var anchor) && anchor.IsValueCreated)
        {
            anchor.Value.Dispose();
        }
    }

    private static string Literal(string folder, string file) =>
        "'" + Path.GetFullPath(Path.Combine(folder, file)).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var anchor in _anchors.Values.Where(a => a.IsValueCreated))
        {
            anchor.Value.Dispose();
        }
    }
}
