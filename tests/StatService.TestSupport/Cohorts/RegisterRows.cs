using DuckDB.NET.Data;

namespace StatService.TestSupport.Cohorts;

/// <summary>
/// The raw rows of a generated extract, read with plain SELECTs (DuckDB only as a Parquet reader),
/// so that cohort logic can be recomputed in C# independently of the product SQL.
/// </summary>
public sealed record RegisterRows
{
    public required IReadOnlyList<PersonRow> Persons { get; init; }

    public required IReadOnlyDictionary<long, ContactRow> Contacts { get; init; }

    public required IReadOnlyList<DiagnosisRow> Diagnoses { get; init; }

    public required IReadOnlyList<DispensingRow> Dispensings { get; init; }

    public required IReadOnlyList<ProcedureRow> Procedures { get; init; }

    public required IReadOnlyDictionary<string, string> DeathCauses { get; init; }

    /// <summary>Defined daily doses per pack, by product number (null: the product has no DDD).</summary>
    public required IReadOnlyDictionary<string, double?> DddPerPack { get; init; }

    public static RegisterRows Read(string extractFolder)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string File(string table) => Path.Combine(extractFolder, $"{table}.parquet").Replace("'", "''", StringComparison.Ordinal);

        return new RegisterRows
        {
            Persons = Select(connection, $"SELECT pnr, koen, foed_dag, c_status, d_status_hen_start, reg FROM read_parquet('{File("cpr_person")}')",
                r => new PersonRow(r.GetString(0), r.GetString(1), DateOnly.FromDateTime(r.GetDateTime(2)), r.GetString(3),
                    r.IsDBNull(4) ? null : DateOnly.FromDateTime(r.GetDateTime(4)), r.IsDBNull(5) ? null : r.GetString(5))),
            Contacts = Select(connection, $"SELECT dw_ek_kontakt, pnr, dato_start FROM read_parquet('{File("lpr_f_kontakter")}')",
                r => new ContactRow(r.GetInt64(0), r.GetString(1), DateOnly.FromDateTime(r.GetDateTime(2)))).ToDictionary(c => c.Id),
            Diagnoses = Select(connection, $"SELECT dw_ek_kontakt, diagnosekode, diagnosetype, senere_afkraeftet FROM read_parquet('{File("lpr_f_diagnoser")}')",
                r => new DiagnosisRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3))),
            Dispensings = Select(connection, $"SELECT pnr, eksd, atc, vnr, apk FROM read_parquet('{File("lmdb")}')",
                r => new DispensingRow(r.GetString(0), DateOnly.FromDateTime(r.GetDateTime(1)), r.GetString(2), r.GetString(3), r.GetDouble(4))),
            Procedures = Select(connection, $"SELECT dw_ek_kontakt, procedurekode, dato_start FROM read_parquet('{File("lpr_f_procedurer")}')",
                r => new ProcedureRow(r.GetInt64(0), r.GetString(1), DateOnly.FromDateTime(r.GetDateTime(2)))),
            DeathCauses = Select(connection, $"SELECT pnr, c_dodtilgrundl_acme FROM read_parquet('{File("dodsaarsag")}')",
                r => (Pnr: r.GetString(0), Cause: r.IsDBNull(1) ? string.Empty : r.GetString(1))).ToDictionary(d => d.Pnr, d => d.Cause),
            DddPerPack = Select(connection, $"SELECT vnr, volume FROM read_parquet('{File("lmdb_produkt")}')",
                r => (Vnr: r.GetString(0), Volume: r.IsDBNull(1) ? (double?)null : r.GetDouble(1))).ToDictionary(p => p.Vnr, p => p.Volume),
        };
    }

    private static List<T> Select<T>(DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}

public sealed record PersonRow(string Pnr, string Koen, DateOnly BirthDate, string Status, DateOnly? StatusDate, string? Region);

public sealed record ContactRow(long Id, string Pnr, DateOnly Start);

public sealed record DiagnosisRow(long ContactId, string Code, string Type, string Retracted);

public sealed record DispensingRow(string Pnr, DateOnly Date, string Atc, string Vnr, double Packs);

public sealed record ProcedureRow(long ContactId, string Code, DateOnly Date);
