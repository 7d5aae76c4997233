using DuckDB.NET.Data;

namespace StatService.Data.Tests.Cohorts;

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
            Dispensings = Select(connection, $"SELECT pnr, eksd, atc FROM read_parquet('{File("lmdb")}')",
                r => new DispensingRow(r.GetString(0), DateOnly.FromDateTime(r.GetDateTime(1)), r.GetString(2))),
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

public sealed record DispensingRow(string Pnr, DateOnly Date, string Atc);
