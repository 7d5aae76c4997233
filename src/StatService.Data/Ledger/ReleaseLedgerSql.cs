namespace StatService.Data.Ledger;

/// <summary>
/// The release ledger's statements, in the order store's portable dialect (SQLite and PostgreSQL): TEXT and BIGINT
/// columns, unix milliseconds, <c>@name</c> parameters, <c>ON CONFLICT DO NOTHING</c>.
/// </summary>
internal static class ReleaseLedgerSql
{
    /// <summary>Recorded once per order; the caller checks the row count (0: recorded before).</summary>
    public const string InsertRelease = """
        INSERT INTO release_ledger (order_id, extract_version, product, recorded_at, cells, compared_releases, differencing_cells)
        VALUES (@order_id, @extract_version, @product, @recorded_at, @cells, @compared_releases, @differencing_cells)
        ON CONFLICT (order_id) DO NOTHING
        """;

    /// <summary>Records are numbered per version in the order they were written (under the version's lock).</summary>
    public const string NextSequence = """
        SELECT COALESCE(MAX(recorded_seq), 0) + 1 FROM release_ledger_persons WHERE extract_version = @extract_version
        """;

    public const string InsertPersons = """
        INSERT INTO release_ledger_persons (order_id, extract_version, recorded_seq, payload)
        VALUES (@order_id, @extract_version, @recorded_seq, @payload)
        """;

    public const string SelectRelease = """
        SELECT r.extract_version, r.product, r.recorded_at, r.compared_releases, r.differencing_cells, p.payload
        FROM release_ledger r LEFT JOIN release_ledger_persons p ON p.order_id = r.order_id
        WHERE r.order_id = @order_id
        """;

    /// <summary>The records of one version written after number <c>@after</c>, oldest first (a range of the version's index).</summary>
    public const string SelectVersionRecordsAfter = """
        SELECT order_id, recorded_seq, payload FROM release_ledger_persons
        WHERE extract_version = @extract_version AND recorded_seq > @after
        ORDER BY recorded_seq
        """;
}
