using System.Text;
using DuckDB.NET.Data;
using StatService.Core.CodeLists;
using StatService.Data.Extracts;
using StatService.Data.Extracts.Import;
using StatService.Worker.Pipeline;

namespace StatService.Data.Tests.Extracts.Import;

/// <summary>Bad deliveries are refused with messages naming file, column and rows; nothing is written. Good ones in other dialects import.</summary>
public sealed class DeliveryValidationTests
{
    private static readonly CodeListSet CodeLists = CodeListSet.Load(Path.Combine(PipelineRegistration.DefaultQueriesDirectory, "codelists"));

    public static TheoryData<string, string[]> BadDeliveries => new()
    {
        { "missing column", ["lmdb.csv, column atc: required column is missing"] },
        { "duplicate contact", ["lpr_f_kontakter.csv, column dw_ek_kontakt: key is not unique", "line 2", "line 5"] },
        { "bad diagnosis code", ["lpr_f_diagnoser.csv, column diagnosekode: expected an SKS diagnosis code", "line 3 'XJ449'"] },
        { "bad date", ["lpr_f_kontakter.csv, column dato_start: not a valid date", "line 3 '2021-13-01'"] },
        { "implausible date", ["cpr_person.csv, column foed_dag: date outside the plausible range", "line 2"] },
        { "orphan diagnosis", ["lpr_f_diagnoser.csv, column dw_ek_kontakt: diagnosis of a contact that is not in lpr_f_kontakter", "line 6"] },
        { "bad sex", ["cpr_person.csv, column koen: expected 1 (male) or 2 (female)", "line 3 '3'"] },
        { "unknown person", ["lmdb.csv, column pnr: person not in cpr_person", "line 3"] },
        { "missing value", ["lpr_f_diagnoser.csv, column diagnosetype: value is missing", "line 2"] },
        { "missing register", ["lmdb_produkt: no file for this register"] },
    };

    [Theory]
    [MemberData(nameof(BadDeliveries))]
    public async Task A_bad_delivery_is_refused_with_file_column_and_rows_and_nothing_is_written(string fault, string[] expected)
    {
        using var delivery = new TinyDelivery();
        Spoil(delivery, fault);

        var error = await Assert.ThrowsAsync<ExtractImportException>(() => Import(delivery, "v1"));

        var errors = error.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()).ToList();
        Assert.Contains(errors, e => expected.All(part => e.Contains(part, StringComparison.Ordinal)));
        Assert.DoesNotContain("P9", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(delivery.Extracts) && Directory.EnumerateFileSystemEntries(delivery.Extracts).Any(),
            "A refused delivery must leave no version and no work folder behind.");
    }

    [Fact]
    public async Task The_valid_delivery_imports_and_unknown_codes_only_warn()
    {
        using var delivery = new TinyDelivery();
        delivery.Files["lpr_f_diagnoser.csv"].Add("2,DE11Z,B,Nej");

        var result = await Import(delivery, "v1");

        Assert.Equal(5, result.Manifest.Tables["lpr_f_diagnoser"].Rows);
        Assert.Equal(0, result.Manifest.Tables["lpr_f_procedurer"].Rows);
        Assert.Equal(new DateOnly(2020, 2, 10), result.Manifest.CoverageFrom);
        Assert.Equal(new DateOnly(2021, 6, 1), result.Manifest.CoverageTo);
        Assert.Contains(result.Warnings, w => w.Column == "diagnosekode" && w.Problem.Contains("DE11Z", StringComparison.Ordinal));
        Assert.Equal("v1", new ExtractRegistry(delivery.Extracts).Newest()!.Version);
    }

    [Fact]
    public async Task Semicolon_latin1_csv_with_decimal_commas_reads_correctly()
    {
        using var delivery = new TinyDelivery();
        delivery.Files.Remove("lmdb_produkt.csv");
        delivery.Write();
        File.WriteAllBytes(Path.Combine(delivery.Delivery, "LMS_LAEGEMIDDELOPLYSNINGER.csv"),
            Encoding.Latin1.GetBytes("VNR;ATC;PNAME;PACKSIZE\r\n123456;A10BA02;Glucophage æøå;2,5\r\n234567;R03AC02;Ventoline;1\r\n"));

        var result = await ExtractImporter.ImportAsync(new ExtractImportRequest(delivery.Delivery, "v1", delivery.Extracts));

        var row = Query(result.Folder, "SELECT pname, packsize FROM x.main.lmdb_produkt WHERE vnr = '123456'");
        Assert.Equal(new object?[] { "Glucophage æøå", 2.5 }, row);
    }

    [Fact]
    public async Task Parquet_with_dst_names_and_numeric_codes_is_normalised()
    {
        using var delivery = new TinyDelivery();
        var csv = delivery.Write();
        var parquet = Path.Combine(delivery.Root, "dst");
        Directory.CreateDirectory(parquet);
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            string[] copies =
            [
                // DST: numeric sex, status and two-digit regions; dates as DATE.
                $"COPY (SELECT pnr AS PNR, CAST(koen AS INTEGER) AS KOEN, CAST(foed_dag AS DATE) AS FOED_DAG, CAST(c_status AS INTEGER) AS C_STATUS, CAST(kom AS INTEGER) AS KOM, CAST(reg AS INTEGER) - 1000 AS REG FROM read_csv('{csv}/cpr_person.csv', all_varchar = true)) TO '{parquet}/bef.parquet'",
                $"COPY (SELECT * FROM read_csv('{csv}/dodsaarsag.csv')) TO '{parquet}/doda.parquet'",
                $"COPY (SELECT * FROM read_csv('{csv}/lpr_f_kontakter.csv')) TO '{parquet}/lpr_a_kontakt.parquet'",
                $"COPY (SELECT * FROM read_csv('{csv}/lpr_f_diagnoser.csv')) TO '{parquet}/lpr_a_diagnose.parquet'",
                $"COPY (SELECT * FROM read_csv('{csv}/lmdb.csv', types = {{'vnr': 'VARCHAR'}})) TO '{parquet}/lmdb.parquet'",
                $"COPY (SELECT * FROM read_csv('{csv}/lmdb_produkt.csv', types = {{'vnr': 'VARCHAR'}})) TO '{parquet}/lmdb_produkt.parquet'",
            ];
            foreach (var sql in copies)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }

        var result = await ExtractImporter.ImportAsync(new ExtractImportRequest(parquet, "dst-1", delivery.Extracts));

        var row = Query(result.Folder, "SELECT koen, c_status, reg, kom FROM x.main.cpr_person WHERE pnr = 'P3'");
        Assert.Equal(new object?[] { "2", "90", "1081", "851" }, row);
    }

    private static Task<ExtractImportResult> Import(TinyDelivery delivery, string version) =>
        ExtractImporter.ImportAsync(new ExtractImportRequest(delivery.Write(), version, delivery.Extracts) { CodeLists = CodeLists });

    private static void Spoil(TinyDelivery delivery, string fault)
    {
        var files = delivery.Files;
        switch (fault)
        {
            case "missing column":
                files["lmdb.csv"] = files["lmdb.csv"].Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 2))).ToList();
                break;
            case "duplicate contact":
                files["lpr_f_kontakter.csv"].Add("1,P2,2021-01-01,2021-01-01");
                break;
            case "bad diagnosis code":
                files["lpr_f_diagnoser.csv"][2] = "2,XJ449,A,Nej";
                break;
            case "bad date":
                files["lpr_f_kontakter.csv"][2] = "2,P2,2021-13-01,2021-06-01";
                break;
            case "implausible date":
                files["cpr_person.csv"][1] = "P1,1,1799-03-01,01,,101,1084";
                break;
            case "orphan diagnosis":
                files["lpr_f_diagnoser.csv"].Add("9,DE119,A,Nej");
                break;
            case "bad sex":
                files["cpr_person.csv"][2] = "P2,3,1980-07-15,01,,751,1082";
                break;
            case "unknown person":
                files["lmdb.csv"][2] = "P9,2021-07-01,R03AC02,234567,2";
                break;
            case "missing value":
                files["lpr_f_diagnoser.csv"][1] = "1,DE119,,Nej";
                break;
            case "missing register":
                files.Remove("lmdb_produkt.csv");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static object?[] Query(string folder, string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var attach = connection.CreateCommand();
        attach.CommandText = $"ATTACH '{Path.Combine(folder, ExtractImporter.DatabaseFile)}' AS x (READ_ONLY)";
        attach.ExecuteNonQuery();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DataReaderRows.ReadAll(reader).Single();
    }
}
