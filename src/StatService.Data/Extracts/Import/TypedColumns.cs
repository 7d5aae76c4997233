using System.Globalization;

namespace StatService.Data.Extracts.Import;

/// <summary>
/// DuckDB SQL that turns a delivered column into the stored type. CSV columns arrive as text; Parquet
/// columns in whatever type the deliverer chose. Text that does not parse becomes NULL, and the
/// validation compares it with the delivered text to report it.
/// </summary>
internal static class TypedColumns
{
    // ISO first; then the compact, Danish and SAS (05JAN2020) forms found in register deliveries.
    private const string DateFormats =
        "['%Y-%m-%d', '%Y%m%d', '%d-%m-%Y', '%d.%m.%Y', '%d/%m/%Y', '%d%b%Y', '%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%d%b%Y:%H:%M:%S', '%Y-%m-%d %H:%M:%S.%f']";

    /// <summary>The delivered value as trimmed text, NULL when empty.</summary>
    public static string Text(string source) => $"NULLIF(trim(CAST({source} AS VARCHAR)), '')";

    /// <summary>The typed value of <paramref name="source"/>, a delivered column of DuckDB type <paramref name="sourceType"/>.</summary>
    public static string Typed(ImportColumn column, string source, string sourceType)
    {
        var type = sourceType.ToUpperInvariant();
        var text = Text(source);
        return column.Type switch
        {
            ColumnType.Text => column.Normalise is null ? text : string.Format(CultureInfo.InvariantCulture, column.Normalise, text),
            ColumnType.Date when type == "DATE" => source,
            ColumnType.Date when type.StartsWith("TIMESTAMP", StringComparison.Ordinal) => $"CAST({source} AS DATE)",
            ColumnType.Date => $"CAST(try_strptime({text}, {DateFormats}) AS DATE)",
            ColumnType.BigInt when type == "VARCHAR" => $"try_cast({text} AS BIGINT)",
            ColumnType.BigInt => $"try_cast({source} AS BIGINT)",
            // SDS's semicolon files write decimal commas.
            ColumnType.Double when type == "VARCHAR" => $"try_cast(replace({text}, ',', '.') AS DOUBLE)",
            ColumnType.Double => $"try_cast({source} AS DOUBLE)",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
        };
    }

    public static string Null(ColumnType type) => $"CAST(NULL AS {ImportSchema.SqlType(type)})";

    /// <summary>A DuckDB identifier, quoted.</summary>
    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A DuckDB string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
