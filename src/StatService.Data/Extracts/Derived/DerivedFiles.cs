using System.Text.Json;
using DuckDB.NET.Data;

namespace StatService.Data.Extracts.Derived;

/// <summary>
/// A version's derived tables as Parquet files in its <c>derived/</c> folder, with <c>derived.json</c> (written last)
/// naming what they were made from and each file's size and SHA-256. Made once per version, deterministically from
/// its registers: by the generator and the importer, or the first time an older version is opened. Files that are
/// missing, stale or damaged are made again; where the folder cannot be written the definitions serve as plain views.
/// </summary>
public static class DerivedFiles
{
    public const string FolderName = "derived";

    public const string ManifestName = "derived.json";

    /// <summary>How a version's derived tables are served.</summary>
    public enum Source
    {
        /// <summary>Views over the version's derived Parquet files.</summary>
        Files,

        /// <summary>Views over their definitions (the folder could not be written): same rows, slower.</summary>
        Definitions,
    }

    /// <summary>
    /// Creates <c>person_index</c> (a table) and a view per other derived table on a connection that already has the
    /// register views, writing the files first when the version has none that match.
    /// </summary>
    /// <param name="writingFailed">Told why the files could not be written, when the definitions serve instead.</param>
    public static Source Attach(DuckDBConnection connection, string folder, ExtractManifest manifest, DerivedTables tables, Action<Exception>? writingFailed = null)
    {
        var fingerprint = tables.Fingerprint(manifest);
        var target = Path.Combine(folder, FolderName);
        if (!Matches(target, fingerprint, tables))
        {
            try
            {
                // On a database of its own with the same limits: the serving one keeps its own spill folder and holds
                // none of the sorts' memory afterwards, whether the writing succeeds or fails halfway.
                WriteApart(folder, manifest, fingerprint, tables, Setting(connection, "memory_limit"), Setting(connection, "threads"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDBException)
            {
                writingFailed?.Invoke(e);
                Drop(connection, tables);
                CreateFromDefinitions(connection, tables);
                return Source.Definitions;
            }
        }

        if (!Matches(target, fingerprint, tables))
        {
            Drop(connection, tables);
            CreateFromDefinitions(connection, tables);
            return Source.Definitions;
        }

        Drop(connection, tables);
        foreach (var table in tables.Tables)
        {
            var file = Literal(Path.Combine(target, table.FileName));
            Execute(connection, table.Name == DerivedTables.PersonIndex
                ? $"CREATE TABLE {table.Name} AS SELECT * FROM read_parquet({file})"
                : $"CREATE VIEW {table.Name} AS SELECT * FROM read_parquet({file})");
        }

        return Source.Files;
    }

    /// <summary>Writes a version's derived files (the generator and the importer call this before anyone opens it).</summary>
    public static void WriteFor(string folder, DerivedTables tables, string? memoryLimit = null)
    {
        var manifest = ExtractManifest.Read(folder);
        WriteApart(folder, manifest, tables.Fingerprint(manifest), tables, memoryLimit, threads: null);
    }

    private static void WriteApart(string folder, ExtractManifest manifest, string fingerprint, DerivedTables tables, string? memoryLimit, string? threads)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET autoinstall_known_extensions = false");
        Execute(connection, "SET autoload_known_extensions = false");
        if (!string.IsNullOrWhiteSpace(memoryLimit))
        {
            Execute(connection, $"SET memory_limit = '{memoryLimit.Replace("'", "''", StringComparison.Ordinal)}'");
        }

        if (int.TryParse(threads, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            Execute(connection, $"SET threads = {count}");
        }

        RegisterViews.Create(connection, folder, manifest);
        Write(connection, folder, fingerprint, tables);
    }

    private static string? Setting(DuckDBConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST(current_setting('{name}') AS VARCHAR)";
        return command.ExecuteScalar() as string;
    }

    private static void Write(DuckDBConnection connection, string folder, string fingerprint, DerivedTables tables)
    {
        var work = Path.Combine(folder, $"{FolderName}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            // Sorting hundreds of millions of events may exceed memory: spill beside the files being written.
            var spill = Path.Combine(work, "spill");
            Directory.CreateDirectory(spill);
            Execute(connection, $"SET temp_directory = {Literal(spill)}");
            Execute(connection, "SET preserve_insertion_order = true");
            Drop(connection, tables);
            foreach (var table in tables.Tables)
            {
                var file = Literal(Path.Combine(work, table.FileName));
                if (table.Name == DerivedTables.PersonIndex)
                {
                    // The others join it: made once in memory, then written.
                    Execute(connection, $"CREATE TABLE {table.Name} AS SELECT * FROM ({table.Sql}\n) ORDER BY {table.OrderBy}");
                    Execute(connection, $"COPY (SELECT * FROM {table.Name} ORDER BY {table.OrderBy}) TO {file} (FORMAT parquet, COMPRESSION zstd)");
                }
                else
                {
                    Execute(connection, $"COPY (SELECT * FROM ({table.Sql}\n) ORDER BY {table.OrderBy}) TO {file} (FORMAT parquet, COMPRESSION zstd)");
                }
            }

            Directory.Delete(spill, recursive: true);
            var manifest = new DerivedManifest(fingerprint, [.. tables.Tables.Select(t => ExtractFileChecksum.Of(work, t.FileName))]);
            File.WriteAllText(Path.Combine(work, ManifestName), JsonSerializer.Serialize(manifest, ExtractManifest.JsonOptions));

            var target = Path.Combine(folder, FolderName);
            if (Directory.Exists(target))
            {
                // Stale or damaged: replaced whole, never mixed.
                Directory.Delete(target, recursive: true);
            }

            try
            {
                Directory.Move(work, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another process made them first; theirs are read (and checked) instead.
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static bool Matches(string target, string fingerprint, DerivedTables tables)
    {
        var path = Path.Combine(target, ManifestName);
        if (!File.Exists(path))
        {
            return false;
        }

        DerivedManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<DerivedManifest>(File.ReadAllText(path), ExtractManifest.JsonOptions);
        }
        catch (JsonException)
        {
            return false;
        }

        if (manifest is null || manifest.Fingerprint != fingerprint
            || !tables.Tables.Select(t => t.FileName).Order(StringComparer.Ordinal).SequenceEqual(manifest.Files.Select(f => f.File).Order(StringComparer.Ordinal)))
        {
            return false;
        }

        // Every byte, as for the registers: a damaged row group would change cells without an error.
        foreach (var expected in manifest.Files)
        {
            if (!File.Exists(Path.Combine(target, expected.File)))
            {
                return false;
            }

            var actual = ExtractFileChecksum.Of(target, expected.File);
            if (actual.Bytes != expected.Bytes || !string.Equals(actual.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static void CreateFromDefinitions(DuckDBConnection connection, DerivedTables tables)
    {
        foreach (var table in tables.Tables)
        {
            Execute(connection, table.Name == DerivedTables.PersonIndex
                ? $"CREATE TABLE {table.Name} AS SELECT * FROM ({table.Sql}\n) ORDER BY {table.OrderBy}"
                : $"CREATE VIEW {table.Name} AS {table.Sql}");
        }
    }

    private static void Drop(DuckDBConnection connection, DerivedTables tables)
    {
        foreach (var table in tables.Tables.Reverse())
        {
            Execute(connection, table.Name == DerivedTables.PersonIndex ? $"DROP TABLE IF EXISTS {table.Name}" : $"DROP VIEW IF EXISTS {table.Name}");
        }
    }

    private static string Literal(string path) => "'" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The <c>derived.json</c> of a version's derived folder.</summary>
public sealed record DerivedManifest(string Fingerprint, IReadOnlyList<ExtractFileChecksum> Files);
