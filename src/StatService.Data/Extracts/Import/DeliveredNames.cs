namespace StatService.Data.Extracts.Import;

/// <summary>
/// The one place that maps delivered register names to the service's own: the file (table) names and
/// column names that SDS (e.g. <c>v_cpr_encrypted</c>, <c>LPR_F_kontakter</c>) and DST (e.g. <c>pnr</c>,
/// <c>lpr_a_kontakt</c>) use for each register the service reads. Matching ignores case. docs/extracts.md,
/// "Extracts: import and versions", lists the same table.
/// </summary>
public static class DeliveredNames
{
    private static readonly string[] PersonKey = ["pnr", "v_cpr_encrypted", "v_pnr_encrypted", "cpr_encrypted", "v_cpr", "cpr"];

    /// <summary>Service table name to the file names (without extension) it may be delivered under.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Tables { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        [RegisterNames.Person] = ["cpr_person", "cpr3_t_person", "t_person", "bef"],
        [RegisterNames.CauseOfDeath] = ["dodsaarsag", "dar_t_dodsaarsag_2", "t_dodsaarsag_2", "doda", "dod"],
        [RegisterNames.Contacts] = ["lpr_f_kontakter", "kontakter", "lpr_a_kontakt", "lpr3_kontakter"],
        [RegisterNames.Diagnoses] = ["lpr_f_diagnoser", "diagnoser", "lpr_a_diagnose", "lpr3_diagnoser"],
        [RegisterNames.Procedures] = ["lpr_f_procedurer", "procedurer", "lpr_f_procedurer_kirurgi", "lpr_a_procedure_kirurgi", "lpr3_procedurer"],
        [RegisterNames.Prescriptions] = ["lmdb", "lms_epikur", "epikur", "lmdb_epikur"],
        [RegisterNames.Products] = ["lmdb_produkt", "lms_laegemiddeloplysninger", "laegemiddeloplysninger", "lmdb_laegemiddeloplysninger"],
    };

    /// <summary>Per service table: service column name to the delivered names it may carry (its own name first).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Columns { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase)
        {
            [RegisterNames.Person] = Map(
                ("pnr", PersonKey),
                ("koen", ["koen", "c_kon", "c_koen", "kon"]),
                ("foed_dag", ["foed_dag", "d_foddato", "d_foed_dato", "foedselsdato", "foed_dato"]),
                ("c_status", ["c_status", "status"]),
                ("d_status_hen_start", ["d_status_hen_start", "d_status"]),
                ("kom", ["kom", "c_kom", "kommune"]),
                ("reg", ["reg", "c_reg", "region"])),
            [RegisterNames.CauseOfDeath] = Map(
                ("pnr", PersonKey),
                ("d_dodsdato", ["d_dodsdato", "dodsdato", "d_doddato"]),
                ("c_dodtilgrundl_acme", ["c_dodtilgrundl_acme", "c_dod_tilgrundl_acme", "c_dodsaarsag"]),
                ("c_dod_1a", ["c_dod_1a"]),
                ("c_dod_1b", ["c_dod_1b"]),
                ("c_dod_1c", ["c_dod_1c"]),
                ("c_dod_1d", ["c_dod_1d"])),
            [RegisterNames.Contacts] = Map(
                ("dw_ek_kontakt", ["dw_ek_kontakt"]),
                ("dw_ek_forloeb", ["dw_ek_forloeb"]),
                ("pnr", PersonKey),
                ("dato_start", ["dato_start", "kont_dato_start"]),
                ("dato_slut", ["dato_slut", "kont_dato_slut"]),
                ("kontakttype", ["kontakttype", "kont_type"]),
                ("prioritet", ["prioritet"]),
                ("aktionsdiagnose", ["aktionsdiagnose"]),
                ("hovedspeciale_ans", ["hovedspeciale_ans"]),
                ("sorenhed_ans", ["sorenhed_ans"]),
                ("region_ans", ["region_ans"])),
            [RegisterNames.Diagnoses] = Map(
                ("dw_ek_kontakt", ["dw_ek_kontakt"]),
                ("diagnosekode", ["diagnosekode", "diag_kode", "c_diag"]),
                ("diagnosetype", ["diagnosetype", "diag_type", "c_diagtype"]),
                ("senere_afkraeftet", ["senere_afkraeftet", "senere_afkræftet"])),
            [RegisterNames.Procedures] = Map(
                ("dw_ek_kontakt", ["dw_ek_kontakt"]),
                ("procedurekode", ["procedurekode", "proc_kode", "c_opr"]),
                ("proceduretype", ["proceduretype", "proc_type"]),
                ("dato_start", ["dato_start", "dato_udfoert", "proc_dato"])),
            [RegisterNames.Prescriptions] = Map(
                ("pnr", PersonKey),
                ("eksd", ["eksd", "d_eksd", "ekspeditionsdato"]),
                ("atc", ["atc", "c_atc"]),
                ("vnr", ["vnr", "varenummer"]),
                ("apk", ["apk", "antal_pakninger"]),
                ("indo", ["indo", "indikation"])),
            [RegisterNames.Products] = Map(
                ("vnr", ["vnr", "varenummer"]),
                ("atc", ["atc", "c_atc"]),
                ("pname", ["pname", "navn", "produktnavn"]),
                ("packsize", ["packsize", "pakningsstoerrelse"]),
                ("strnum", ["strnum", "styrke_num"]),
                ("strunit", ["strunit", "styrke_enhed"]),
                ("volume", ["volume", "ddd_pr_pakning"])),
        };

    /// <summary>The service table a delivered file name (without extension) belongs to, or null.</summary>
    public static string? TableOf(string deliveredName)
    {
        var name = deliveredName.Trim();
        foreach (var (table, aliases) in Tables)
        {
            if (aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>The service column a delivered column of <paramref name="table"/> maps to, or null when the service does not read it.</summary>
    public static string? ColumnOf(string table, string deliveredColumn)
    {
        var name = deliveredColumn.Trim();
        foreach (var (column, aliases) in Columns[table])
        {
            if (aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> Map(params (string Column, string[] Aliases)[] columns) =>
        columns.ToDictionary(c => c.Column, c => (IReadOnlyList<string>)c.Aliases, StringComparer.OrdinalIgnoreCase);
}
