namespace StatService.Data.Ledger;

/// <summary>
/// The release ledger's tables, as migrations of the order database (versions 200-299), in the same portable dialect as
/// <see cref="ReleaseLedgerSql"/>: the ledger lives beside the results it records, so both are written in one transaction.
/// </summary>
internal static class ReleaseLedgerSchema
{
    public static readonly IReadOnlyList<(long Version, string[] Statements)> Migrations =
    [
        (200,
        [
            // One row per recorded release, written with its result: the order id keys idempotent recording.
            // differencing_cells (cells hidden because of earlier releases) is never delivered to the requester.
            """
            CREATE TABLE IF NOT EXISTS release_ledger (
                order_id TEXT NOT NULL PRIMARY KEY REFERENCES orders (id),
                extract_version TEXT NOT NULL,
                product TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                cells BIGINT NOT NULL,
                compared_releases BIGINT NOT NULL,
                differencing_cells BIGINT NOT NULL
            )
            """,
            // Every published person count: whom it counts (context hash, sexes, ages, regions: see PersonSet) and the
            // number published. age_max NULL: no upper age; sexes and regions '*': every code.
            """
            CREATE TABLE IF NOT EXISTS release_ledger_cells (
                order_id TEXT NOT NULL REFERENCES release_ledger (order_id),
                table_name TEXT NOT NULL,
                coordinates TEXT NOT NULL,
                extract_version TEXT NOT NULL,
                context_hash TEXT NOT NULL,
                sexes TEXT NOT NULL,
                age_min BIGINT NOT NULL,
                age_max BIGINT NULL,
                regions TEXT NOT NULL,
                value BIGINT NOT NULL,
                PRIMARY KEY (order_id, table_name, coordinates)
            )
            """,
            // A check reads the cells of one extract version in the contexts of the new release.
            "CREATE INDEX IF NOT EXISTS ix_release_ledger_cells_context ON release_ledger_cells (extract_version, context_hash)",
        ]),
        (201,
        [
            // Whom each recorded release counted (ReleasePersonsCodec, base64): every inner cell's persons as person index
            // places of the extract version, and what a reader knows of each cell. As sensitive as the extract.
            """
            CREATE TABLE IF NOT EXISTS release_ledger_persons (
                order_id TEXT NOT NULL PRIMARY KEY REFERENCES release_ledger (order_id),
                extract_version TEXT NOT NULL,
                recorded_seq BIGINT NOT NULL,
                payload TEXT NOT NULL
            )
            """,
            // A check reads one version's records in the order they were recorded.
            "CREATE INDEX IF NOT EXISTS ix_release_ledger_persons_version ON release_ledger_persons (extract_version, recorded_seq)",
            // Definitions are no longer compared: person sets replace them.
            "DROP TABLE IF EXISTS release_ledger_cells",
        ]),
    ];
}
