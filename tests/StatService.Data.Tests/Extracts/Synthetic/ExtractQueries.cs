using System.Globalization;
using DuckDB.NET.Data;
using StatService.Data.Extracts;

namespace StatService.Data.Tests.Extracts.Synthetic;

/// <summary>
/// Runs SQL over one extract folder: each table of the manifest is a view over its Parquet file.
/// One in-memory DuckDB connection per query, as the service does.
/// </summary>
public sealed class ExtractQueries(string folder, ExtractManifest manifest)
{
    public string Folder { get; } = folder;

    public ExtractManifest Manifest { get; } = manifest;

    public string FilePath(string table) => Path.Combine(Folder, Manifest.Tables[table].File);

    public T Scalar<T>(string sql)
    {
        var value = Rows(sql).Single()[0];
        return (T)Convert.ChangeType(value!, typeof(T), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<object?[]> Rows(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;" +
                string.Concat(Manifest.Tables.Keys.Select(t =>
                    $"CREATE VIEW {t} AS SELECT * FROM read_parquet('{FilePath(t).Replace("'", "''", StringComparison.Ordinal)}');"));
            setup.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DataReaderRows.ReadAll(reader);
    }

    /// <summary>Row count and an order-independent hash of a table's content.</summary>
    public (long Rows, string Hash) Checksum(string table)
    {
        var row = Rows($"SELECT count(*), bit_xor(hash(t))::VARCHAR FROM {table} t").Single();
        return (Convert.ToInt64(row[0], CultureInfo.InvariantCulture), (string)row[1]!);
    }
}
