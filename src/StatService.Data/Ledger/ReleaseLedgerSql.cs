namespace StatService.Data.Ledger;

/// <summary>
/// The release ledger's statements, in the order store's portable dialect (SQLite and PostgreSQL): TEXT and BIGINT
/// columns, unix milliseconds, <c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>. Statements over a variable number
/// of values (context lists, cell batches) are built here from numbered parameters, never from values.
/// </summary>
internal static class ReleaseLedgerSql
{
    /// <summary>Cells per INSERT: 10 parameters each, well below either database's limit on parameters.</summary>
    public const int CellBatch = 200;

    /// <summary>Contexts per SELECT.</summary>
    public const int ContextBatch = 200;

    /// <summary>Recorded once per order; the caller checks the row count (0: recorded before).</summary>
    public const string InsertRelease = """
        INSERT INTO release_ledger (order_id, extract_version, product, recorded_at, cells, compared_releases, differencing_cells)
        VALUES (@order_id, @extract_version, @product, @recorded_at, @cells, @compared_releases, @differencing_cells)
        ON CONFLICT (order_id) DO NOTHING
        """;

    public const string SelectRelease = """
        SELECT extract_version, product, recorded_at, compared_releases, differencing_cells
        FROM release_ledger WHERE order_id = @order_id
        """;

    private const string CellColumns =
        "c.order_id, r.product, c.table_name, c.coordinates, c.context_hash, c.sexes, c.age_min, c.age_max, c.regions, c.value";

    public const string SelectCellsOfOrder = $"""
        SELECT {CellColumns}
        FROM release_ledger_cells c JOIN release_ledger r ON r.order_id = c.order_id
        WHERE c.order_id = @order_id
        ORDER BY c.table_name, c.coordinates
        """;

    /// <summary>The cells of one version in <paramref name="contexts"/> contexts (<c>@context0</c> ...), other orders only.</summary>
    public static string SelectEarlierCells(int contexts) => $"""
        SELECT {CellColumns}
        FROM release_ledger_cells c JOIN release_ledger r ON r.order_id = c.order_id
        WHERE c.extract_version = @extract_version AND c.order_id <> @order_id
          AND c.context_hash IN ({string.Join(", ", Enumerable.Range(0, contexts).Select(i => $"@context{i}"))})
        """;

    /// <summary>An INSERT of <paramref name="cells"/> rows; row i binds <c>@table_name{i}</c> and the other columns likewise.</summary>
    public static string InsertCells(int cells) => $"""
        INSERT INTO release_ledger_cells
            (order_id, table_name, coordinates, extract_version, context_hash, sexes, age_min, age_max, regions, value)
        VALUES {string.Join(",\n       ", Enumerable.Range(0, cells).Select(i =>
            $"(@order_id, @table_name{i}, @coordinates{i}, @extract_version, @context_hash{i}, @sexes{i}, @age_min{i}, @age_max{i}, @regions{i}, @value{i})"))}
        """;
}
