using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StatService.Data.Extracts.Derived;

namespace StatService.Data.Extracts;

/// <summary>
/// One in-memory DuckDB database per extract version, with a view per register (<see cref="RegisterViews"/>) and per
/// derived table (<see cref="DerivedFiles"/>).
/// An anchor connection keeps each database (and its settings) alive for the process lifetime;
/// every query gets its own duplicate connection, since DuckDB connections are not shared across threads.
/// </summary>
public sealed class ExtractDatabases(
    ExtractRegistry registry, ExtractOptions options, string? derivedDirectory = null, ILogger<ExtractDatabases>? logger = null) : IDisposable
{
    private readonly Lazy<DerivedTables> _derived = new(() => DerivedTables.Load(derivedDirectory ?? DerivedTables.DefaultDirectory));

    private readonly ConcurrentDictionary<string, Lazy<DuckDBConnection>> _anchors = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, DerivedFiles.Source> _derivedSources = new(StringComparer.Ordinal);

    /// <summary>How an opened version's derived tables are served (null before it is opened): files, or their slower definitions.</summary>
    public DerivedFiles.Source? DerivedSourceOf(string version) =>
        _derivedSources.TryGetValue(version, out var source) ? source : null;
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

        RegisterViews.Create(connection, folder, manifest);

        // The derived tables (queries/derived), person_index among them: every person of the version ranked by
        // pseudonym, so a place is the same on every open and machine. The release ledger keeps places, never pseudonyms.
        // Served from the definitions when the files cannot be written: same rows, much slower, so an operator is told why.
        _derivedSources[version] = DerivedFiles.Attach(connection, folder, manifest, _derived.Value, failure =>
            (logger ?? (ILogger)NullLogger.Instance).LogWarning(
                failure,
                "The derived files of extract {Version} could not be written; its derived tables are served from their definitions (same rows, slower).",
                version));
        return connection;
    }

    /// <summary>Each person's place (0, 1, ...) in the extract version, by pseudonym.</summary>
    public const string PersonIndexTable = DerivedTables.PersonIndex;

    /// <summary>Closes a withdrawn version's database: queries already running finish, new ones are refused.</summary>
    public void Close(string version)
    {
        if (_anchors.TryRemove(version, out var anchor) && anchor.IsValueCreated)
        {
            anchor.Value.Dispose();
        }
    }

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
