using System.Security.Cryptography;
using DuckDB.NET.Data;
using StatService.Core.Tables;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Import;

namespace StatService.Data.Tests.Extracts.Import;

/// <summary>An SDS-style CSV delivery of a generated extract, imported: the DuckDB version must hold the same data and answer orders identically.</summary>
[Collection(ImportedExtractCollection.Name)]
public sealed class ImportedExtractTests(ImportedExtract extract)
{
    private static readonly string[] Registers =
        ["cpr_person", "dodsaarsag", "lpr_f_kontakter", "lpr_f_diagnoser", "lpr_f_procedurer", "lmdb", "lmdb_produkt"];

    public static TheoryData<string> Products => ["patient-count", "group-profile", "incidence-prevalence", "custom-table"];

    [Theory]
    [MemberData(nameof(Products))]
    public async Task Every_product_example_gives_the_same_tables_on_the_parquet_and_the_imported_version(string product)
    {
        var fromParquet = await extract.RunExampleAsync(product, extract.Source.ExtractVersion);
        var fromImport = await extract.RunExampleAsync(product, ImportedExtract.ImportedVersion);

        Assert.Equal(fromParquet.Count, fromImport.Count);
        for (var t = 0; t < fromParquet.Count; t++)
        {
            Assert.Equal(Describe(fromParquet[t]), Describe(fromImport[t]));
        }

        Assert.Contains(fromParquet, table => table.Values.Any(v => v > 0));
    }

    [Fact]
    public void Every_register_holds_the_same_rows_and_types_as_the_generated_files()
    {
        using var connection = Open();
        foreach (var table in Registers)
        {
            var parquet = $"read_parquet('{Path.Combine(extract.SourceFolder, table + ".parquet")}')";
            var imported = $"imported.main.{table}";
            Assert.Equal(Rows(connection, $"DESCRIBE SELECT * FROM {parquet}").Select(r => $"{r[0]} {r[1]}"),
                Rows(connection, $"DESCRIBE SELECT * FROM {imported}").Select(r => $"{r[0]} {r[1]}"));
            var differences = Rows(connection, $"""
                SELECT (SELECT count(*) FROM (SELECT * FROM {parquet} EXCEPT ALL SELECT * FROM {imported})),
                       (SELECT count(*) FROM (SELECT * FROM {imported} EXCEPT ALL SELECT * FROM {parquet})),
                       (SELECT count(*) FROM {imported})
                """).Single();
            Assert.Equal(0L, differences[0]);
            Assert.Equal(0L, differences[1]);
            Assert.Equal(extract.Source.Tables[table].Rows, (long)differences[2]!);
            Assert.Equal(extract.Source.Tables[table].Rows, extract.Imported.Manifest.Tables[table].Rows);
        }
    }

    [Fact]
    public void Diagnoses_are_stored_by_code_then_contact_date_and_dispensings_by_atc_then_date()
    {
        using var connection = Open();
        var outOfOrder = Rows(connection, """
            SELECT
              (SELECT count(*) FROM (
                 SELECT d.diagnosekode AS code, k.dato_start AS day,
                        lag(d.diagnosekode) OVER (ORDER BY d.rowid) AS prev_code, lag(k.dato_start) OVER (ORDER BY d.rowid) AS prev_day
                 FROM imported.main.lpr_f_diagnoser d JOIN imported.main.lpr_f_kontakter k USING (dw_ek_kontakt))
               WHERE prev_code > code OR prev_code = code AND prev_day > day),
              (SELECT count(*) FROM (
                 SELECT atc, eksd, lag(atc) OVER (ORDER BY rowid) AS prev_atc, lag(eksd) OVER (ORDER BY rowid) AS prev_day
                 FROM imported.main.lmdb)
               WHERE prev_atc > atc OR prev_atc = atc AND prev_day > eksd)
            """).Single();

        Assert.Equal(new object?[] { 0L, 0L }, outOfOrder);
    }

    [Fact]
    public void The_manifest_records_the_delivered_files_their_checksums_and_the_measured_coverage()
    {
        var manifest = ExtractManifest.Read(extract.Imported.Folder);

        Assert.Equal("imported", manifest.Kind);
        Assert.Equal("duckdb", manifest.Storage);
        Assert.Equal(SdsDelivery.Files.Keys.Order(), manifest.Sources!.Select(s => s.File).Order());
        foreach (var source in manifest.Sources!)
        {
            var bytes = File.ReadAllBytes(Path.Combine(extract.Delivery, source.File));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), source.Sha256);
            Assert.Equal(bytes.Length, source.Bytes);
        }

        Assert.Equal(extract.Source.Tables["lmdb"].Rows, manifest.Sources!.Where(s => s.Table == "lmdb").Sum(s => s.Rows));
        using var connection = Open();
        var coverage = Rows(connection, $"""
            SELECT greatest(min(k.dato_start), (SELECT min(eksd) FROM read_parquet('{extract.SourceFolder}/lmdb.parquet'))),
                   least(max(k.dato_start), (SELECT max(eksd) FROM read_parquet('{extract.SourceFolder}/lmdb.parquet')))
            FROM read_parquet('{extract.SourceFolder}/lpr_f_kontakter.parquet') k
            """).Single();
        Assert.Equal(coverage[0], manifest.CoverageFrom);
        Assert.Equal(coverage[1], manifest.CoverageTo);
    }

    [Fact]
    public void The_registry_lists_both_kinds_and_the_imported_one_is_read_only()
    {
        var versions = extract.Registry.All().Select(e => (e.Manifest.ExtractVersion, e.Manifest.Storage)).ToList();
        Assert.Contains((extract.Source.ExtractVersion, "parquet"), versions);
        Assert.Contains((ImportedExtract.ImportedVersion, "duckdb"), versions);

        using var connection = extract.Databases.Connect(ImportedExtract.ImportedVersion);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM extract_db.main.cpr_person";
        Assert.Throws<DuckDBException>(() => command.ExecuteNonQuery());
    }

    [Fact]
    public async Task An_existing_version_is_never_overwritten()
    {
        var before = File.GetLastWriteTimeUtc(Path.Combine(extract.Imported.Folder, ExtractImporter.DatabaseFile));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ExtractImporter.ImportAsync(new ExtractImportRequest(extract.Delivery, ImportedExtract.ImportedVersion, extract.Extracts)));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(extract.Imported.Folder, ExtractImporter.DatabaseFile)));
    }

    private static string Describe(CountTable table) =>
        string.Join(" | ", table.Dimensions.Select(d => d.Name + ":" + string.Join(",", d.Codes.Select(c => c.Code))))
        + " => " + string.Join(",", table.Values);

    private DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Rows(connection, $"ATTACH '{Path.Combine(extract.Imported.Folder, ExtractImporter.DatabaseFile)}' AS imported (READ_ONLY)");
        return connection;
    }

    private static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DataReaderRows.ReadAll(reader);
    }
}
