namespace StatService.Data.Extracts.Import;

/// <summary>The type a register column is stored as (DuckDB: VARCHAR, DATE, BIGINT, DOUBLE).</summary>
public enum ColumnType
{
    Text,
    Date,
    BigInt,
    Double,
}

/// <summary>Whether a failed check refuses the import or is only reported.</summary>
public enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>
/// A format rule on a column's value: <see cref="Condition"/> is DuckDB SQL over <c>{0}</c>, the typed
/// value, true when the value is acceptable (only non-null values are checked).
/// </summary>
public sealed record ValueRule(string Condition, string Expected, ProblemSeverity Severity = ProblemSeverity.Error);

/// <summary>One column of a stored register: its type, whether a delivery must have it, how delivered text is normalised, and its rule.</summary>
public sealed record ImportColumn(string Name, ColumnType Type, bool Required, ValueRule? Rule = null, string? Normalise = null)
{
    /// <summary>Pseudonyms are never echoed in messages.</summary>
    public bool IsPersonKey => Name == "pnr";
}

/// <summary>A register as the service stores it; <see cref="OrderBy"/> is the physical order (row-group pruning).</summary>
/// <remarks>With <see cref="OrderByContactDate"/>, <see cref="OrderBy"/> may name <c>contact_start</c>, the start date of the row's contact.</remarks>
public sealed record ImportRegister(string Table, bool Required, IReadOnlyList<ImportColumn> Columns, string? UniqueKey, string OrderBy, bool OrderByContactDate = false)
{
    public ImportColumn Column(string name) => Columns.Single(c => c.Name == name);
}

/// <summary>
/// The registers an import reads, with the stored schema (the same names and types as the synthetic
/// extracts, so every product query runs on both) and the validation rules of docs/extracts.md.
/// </summary>
public static class ImportSchema
{
    /// <summary>SKS diagnosis codes: D, the ICD-10 letter, two digits, up to four more characters (Danish extensions).</summary>
    public const string SksDiagnosis = "regexp_full_match({0}, 'D[A-Z][0-9]{{2}}[0-9A-Z]{{0,4}}')";

    public const string Atc7 = "regexp_full_match({0}, '[A-Z][0-9]{{2}}[A-Z]{{2}}[0-9]{{2}}')";

    private const string Regions = "{0} IN ('1081', '1082', '1083', '1084', '1085')";

    // CPR status codes: active (01, 03, 05, 07), inactive (20), cancelled (30), disappeared (50, 60, 70), emigrated (80), dead (90).
    private const string CprStatus = "{0} IN ('01', '03', '05', '07', '20', '30', '50', '60', '70', '80', '90')";

    // DST writes regions 81-85; the service uses the CPR codes 1081-1085. A one-digit status loses its leading zero in numeric files.
    private const string RegionFromDst = "CASE WHEN {0} IN ('81', '82', '83', '84', '85') THEN '10' || {0} ELSE {0} END";
    private const string TwoDigitStatus = "CASE WHEN regexp_full_match({0}, '[0-9]') THEN '0' || {0} ELSE {0} END";
    private const string Upper = "upper({0})";

    public static IReadOnlyList<ImportRegister> Registers { get; } =
    [
        new(RegisterNames.Person, true,
        [
            new("pnr", ColumnType.Text, true),
            new("koen", ColumnType.Text, true, new("{0} IN ('1', '2')", "1 (male) or 2 (female)")),
            new("foed_dag", ColumnType.Date, true),
            new("c_status", ColumnType.Text, true, new(CprStatus, "a CPR status code (01, 03, 05, 07, 20, 30, 50, 60, 70, 80, 90)"), TwoDigitStatus),
            new("d_status_hen_start", ColumnType.Date, false),
            new("kom", ColumnType.Text, false, new("regexp_full_match({0}, '[1-8][0-9]{{2}}')", "a municipality code 101-860")),
            new("reg", ColumnType.Text, true, new(Regions, "a region code 1081-1085"), RegionFromDst),
        ], UniqueKey: "pnr", OrderBy: "pnr"),
        new(RegisterNames.CauseOfDeath, true,
        [
            new("pnr", ColumnType.Text, true),
            new("d_dodsdato", ColumnType.Date, true),
            new("c_dodtilgrundl_acme", ColumnType.Text, false, new("regexp_full_match({0}, '[A-Z][0-9]{{2}}[0-9A-Z]{{0,4}}')", "an ICD-10 code without the D prefix", ProblemSeverity.Warning), Upper),
            new("c_dod_1a", ColumnType.Text, false, Normalise: Upper),
            new("c_dod_1b", ColumnType.Text, false, Normalise: Upper),
            new("c_dod_1c", ColumnType.Text, false, Normalise: Upper),
            new("c_dod_1d", ColumnType.Text, false, Normalise: Upper),
        ], UniqueKey: "pnr", OrderBy: "pnr"),
        new(RegisterNames.Contacts, true,
        [
            new("dw_ek_kontakt", ColumnType.BigInt, true),
            new("dw_ek_forloeb", ColumnType.BigInt, false),
            new("pnr", ColumnType.Text, true),
            new("dato_start", ColumnType.Date, true),
            new("dato_slut", ColumnType.Date, false),
            new("kontakttype", ColumnType.Text, false, new("{0} IN ('ALCA00', 'ALCA10', 'ALCA20')", "a contact type ALCA00, ALCA10 or ALCA20", ProblemSeverity.Warning), Upper),
            new("prioritet", ColumnType.Text, false, new("{0} IN ('ATA1', 'ATA3')", "a priority ATA1 or ATA3", ProblemSeverity.Warning), Upper),
            new("aktionsdiagnose", ColumnType.Text, false, new(SksDiagnosis, "an SKS diagnosis code such as DE119"), Upper),
            new("hovedspeciale_ans", ColumnType.Text, false),
            new("sorenhed_ans", ColumnType.Text, false),
            new("region_ans", ColumnType.Text, false, new(Regions, "a region code 1081-1085", ProblemSeverity.Warning), RegionFromDst),
        ], UniqueKey: "dw_ek_kontakt", OrderBy: "dw_ek_kontakt"),
        new(RegisterNames.Diagnoses, true,
        [
            new("dw_ek_kontakt", ColumnType.BigInt, true),
            new("diagnosekode", ColumnType.Text, true, new(SksDiagnosis, "an SKS diagnosis code such as DE119"), Upper),
            new("diagnosetype", ColumnType.Text, true, new("{0} IN ('A', 'B', 'C', 'G', 'H', '+')", "a diagnosis type A, B, C, G, H or +"), Upper),
            new("senere_afkraeftet", ColumnType.Text, true, new("{0} IN ('Ja', 'Nej')", "Ja or Nej")),
        ], UniqueKey: null, OrderBy: "diagnosekode, contact_start, dw_ek_kontakt, diagnosetype, senere_afkraeftet", OrderByContactDate: true),
        new(RegisterNames.Procedures, false,
        [
            new("dw_ek_kontakt", ColumnType.BigInt, true),
            new("procedurekode", ColumnType.Text, true, new("regexp_full_match({0}, '[A-Z][0-9A-Z]{{2,9}}')", "an SKS procedure code such as KJDB00", ProblemSeverity.Warning), Upper),
            new("proceduretype", ColumnType.Text, false),
            new("dato_start", ColumnType.Date, false),
        ], UniqueKey: null, OrderBy: "procedurekode, dato_start, dw_ek_kontakt"),
        new(RegisterNames.Prescriptions, true,
        [
            new("pnr", ColumnType.Text, true),
            new("eksd", ColumnType.Date, true),
            new("atc", ColumnType.Text, true, new(Atc7, "a 7-character ATC code such as A10BA02"), Upper),
            new("vnr", ColumnType.Text, false, new("regexp_full_match({0}, '[0-9]{{6}}')", "a 6-digit product number", ProblemSeverity.Warning)),
            new("apk", ColumnType.Double, false),
            new("indo", ColumnType.Text, false),
        ], UniqueKey: null, OrderBy: "atc, eksd, pnr, vnr, apk, indo"),
        new(RegisterNames.Products, true,
        [
            new("vnr", ColumnType.Text, true),
            new("atc", ColumnType.Text, false, new(Atc7, "a 7-character ATC code such as A10BA02", ProblemSeverity.Warning), Upper),
            new("pname", ColumnType.Text, false),
            new("packsize", ColumnType.Double, false),
            new("strnum", ColumnType.Double, false),
            new("strunit", ColumnType.Text, false),
            new("volume", ColumnType.Double, false),
        ], UniqueKey: "vnr", OrderBy: "vnr"),
    ];

    public static ImportRegister Register(string table) => Registers.Single(r => r.Table == table);

    /// <summary>Earliest plausible date: births from 1880, every other date from 1900.</summary>
    public static DateOnly EarliestDate(string column) => column == "foed_dag" ? new DateOnly(1880, 1, 1) : new DateOnly(1900, 1, 1);

    public static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Text => "VARCHAR",
        ColumnType.Date => "DATE",
        ColumnType.BigInt => "BIGINT",
        ColumnType.Double => "DOUBLE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
