using DuckDB.NET.Data;

namespace StatService.Data.Tests.Extracts.Import;

/// <summary>
/// Writes a Parquet extract out as SDS would deliver it: semicolon-separated CSV with a header, SDS
/// file and column names in upper case (V_CPR_ENCRYPTED for pnr), SAS-style birth dates (05JAN1950),
/// decimal commas, and dispensings split over two yearly files. The names are written here by hand,
/// independently of the importer's mapping.
/// </summary>
internal static class SdsDelivery
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CPR3_T_PERSON.csv"] = """
            SELECT pnr AS V_CPR_ENCRYPTED, koen AS C_KON, upper(strftime(foed_dag, '%d%b%Y')) AS D_FODDATO, c_status AS C_STATUS,
                   d_status_hen_start AS D_STATUS_HEN_START, kom AS C_KOM, reg AS C_REG FROM read_parquet('{0}/cpr_person.parquet')
            """,
        ["DAR_T_DODSAARSAG_2.csv"] = "SELECT pnr AS V_CPR_ENCRYPTED, * EXCLUDE (pnr) FROM read_parquet('{0}/dodsaarsag.parquet')",
        ["LPR_F_KONTAKTER.csv"] = "SELECT dw_ek_kontakt AS DW_EK_KONTAKT, dw_ek_forloeb AS DW_EK_FORLOEB, pnr AS V_CPR_ENCRYPTED, * EXCLUDE (dw_ek_kontakt, dw_ek_forloeb, pnr) FROM read_parquet('{0}/lpr_f_kontakter.parquet')",
        ["LPR_F_DIAGNOSER.csv"] = "SELECT * FROM read_parquet('{0}/lpr_f_diagnoser.parquet')",
        ["LPR_F_PROCEDURER.csv"] = "SELECT * FROM read_parquet('{0}/lpr_f_procedurer.parquet')",
        ["LMS_EPIKUR_2019_2021.csv"] = "SELECT pnr AS V_CPR_ENCRYPTED, eksd, atc, vnr, replace(CAST(apk AS VARCHAR), '.', ',') AS apk, indo FROM read_parquet('{0}/lmdb.parquet') WHERE eksd < DATE '2022-01-01'",
        ["LMS_EPIKUR_2022_2023.csv"] = "SELECT pnr AS V_CPR_ENCRYPTED, eksd, atc, vnr, replace(CAST(apk AS VARCHAR), '.', ',') AS apk, indo FROM read_parquet('{0}/lmdb.parquet') WHERE eksd >= DATE '2022-01-01'",
        ["LMS_LAEGEMIDDELOPLYSNINGER.csv"] = "SELECT vnr, atc, pname, replace(CAST(packsize AS VARCHAR), '.', ',') AS packsize, strnum, strunit, volume FROM read_parquet('{0}/lmdb_produkt.parquet')",
    };

    public static void Write(string parquetFolder, string deliveryFolder)
    {
        Directory.CreateDirectory(deliveryFolder);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var (file, query) in Files)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({string.Format(System.Globalization.CultureInfo.InvariantCulture, query, parquetFolder)}) TO '{Path.Combine(deliveryFolder, file)}' (HEADER, DELIMITER ';')";
            command.ExecuteNonQuery();
        }
    }
}
