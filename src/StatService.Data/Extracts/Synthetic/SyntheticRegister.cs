namespace StatService.Data.Extracts.Synthetic;

/// <summary>
/// One generated register. Its script (<c>Sql/registers/{Table}.sql</c>) builds what it needs from
/// the population tables and defines a view named like the table; the view is written to
/// <c>{Table}.parquet</c> in <see cref="OrderBy"/> order. The order is total (ties are identical rows)
/// so a seed always gives the same files, and leading columns let readers prune row groups.
/// <see cref="ChunkBy"/>, an expression that never decreases along that order, splits large tables
/// into sorts that fit in memory (see <see cref="SortedParquetWriter"/>); <see cref="RowsPerPersonYear"/>
/// (measured on national extracts, rounded up) tells whether a table is large.
/// A new register (procedures, cancer) is a script plus an entry here.
/// </summary>
internal sealed record SyntheticRegister(string Table, string OrderBy, string? ChunkBy = null, double RowsPerPersonYear = 0)
{
    public string Script => $"registers/{Table}.sql";

    public string FileName => $"{Table}.parquet";

    /// <summary>In generation order: later scripts may use tables made by earlier ones.</summary>
    public static IReadOnlyList<SyntheticRegister> All { get; } =
    [
        new("cpr_person", "pnr", ChunkBy: "left(pnr, 3)", RowsPerPersonYear: 1.1),
        new("dodsaarsag", "pnr"),
        new("lpr_f_kontakter", "dw_ek_kontakt", ChunkBy: "dw_ek_kontakt // 1000000000", RowsPerPersonYear: 3.5),
        new("lpr_f_diagnoser", "diagnosekode, dw_ek_kontakt, diagnosetype, senere_afkraeftet", ChunkBy: "diagnosekode",
            RowsPerPersonYear: 6),
        new("lpr_f_procedurer", "procedurekode, dato_start, dw_ek_kontakt, proceduretype", ChunkBy: "procedurekode",
            RowsPerPersonYear: 0.3),
        new("lmdb_produkt", "vnr"),
        new("lmdb", "atc, eksd, pnr, vnr, apk, indo", ChunkBy: "atc", RowsPerPersonYear: 10),
    ];
}
