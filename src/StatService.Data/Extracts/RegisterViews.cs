using DuckDB.NET.Data;
using StatService.Data.Extracts.Import;

namespace StatService.Data.Extracts;

/// <summary>
/// A view per register of an extract version: over its Parquet file, or over its table in the version's DuckDB
/// database file, attached read-only. Either way SQL sees the same register names.
/// </summary>
public static class RegisterViews
{
    public static void Create(DuckDBConnection connection, string folder, ExtractManifest manifest)
    {
        if (manifest.Database is { } database)
        {
            // One database file, opened read-only: the version cannot change under running orders.
            Execute(connection, $"ATTACH {Literal(folder, database)} AS extract_db (READ_ONLY)");
        }

        foreach (var (table, file) in manifest.Tables)
        {
            if (!RegisterNames.IsKnown(table))
            {
                throw new InvalidDataException($"Extract '{manifest.ExtractVersion}' lists an unknown table '{table}'.");
            }

            // Names come from our own manifest (checked above), paths from our own folder; quotes are still escaped.
            Execute(connection, manifest.Database is null
                ? $"CREATE VIEW {table} AS SELECT * FROM read_parquet({Literal(folder, file.File)})"
                : $"CREATE VIEW {table} AS SELECT * FROM extract_db.main.{table}");
        }

        // An optional register the delivery did not include (procedures, say) is an empty view with the stored
        // columns, so SQL that can refer to it still compiles and simply finds no rows.
        foreach (var register in ImportSchema.Registers.Where(r => !r.Required && !manifest.Tables.ContainsKey(r.Table)))
        {
            var columns = string.Join(", ", register.Columns.Select(c => $"CAST(NULL AS {ImportSchema.SqlType(c.Type)}) AS {c.Name}"));
            Execute(connection, $"CREATE VIEW {register.Table} AS SELECT {columns} WHERE false");
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
}
