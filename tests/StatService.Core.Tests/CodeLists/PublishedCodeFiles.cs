namespace StatService.Core.Tests.CodeLists;

/// <summary>Small files in the published formats, written for the tests (not copied from any publication).</summary>
internal static class PublishedCodeFiles
{
    /// <summary>One SKS complete record: type (3), code (20), valid from, changed, valid to (8 each), text (120), then a trailing flag.</summary>
    public static string SksLine(string type, string code, string from, string to, string text) =>
        type.PadRight(3) + code.PadRight(20) + from + from + to.PadRight(8) + text.PadRight(120) + "    1";

    public static string Sks(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>A sample in the SKS layout: diagnoses, an expired and a future code, a text change, procedures and a code of another classification.</summary>
    public static readonly string SksSample = Sks(
        SksLine("dia", "DE11", "19940101", "25000101", "Type 2-diabetes"),
        SksLine("dia", "DE119", "19940101", "20200101", "Type 2-diabetes uden komplikationer (gammel tekst)"),
        SksLine("dia", "DE119", "20200101", "", "Type 2-diabetes uden komplikationer"),
        SksLine("dia", "DE11X", "19940101", "20100101", "Udgået kode"),
        SksLine("dia", "DE11Y", "20990101", "", "Fremtidig kode"),
        SksLine("dia", "DB34", "19940101", "", "Virussygdom uden angivelse af lokalisation"),
        SksLine("dia", "DB342A", "20100101", "", "COVID-19"),
        SksLine("dia", "DJ44", "19940101", "", "Kronisk obstruktiv lungesygdom"),
        SksLine("dia", "DUA00", "20000101", "", "Dansk tillægskode"),
        SksLine("opr", "KJ", "19960101", "", "Operationer på fordøjelsesorganer og milt"),
        SksLine("opr", "KJEA00", "19960101", "", "Appendektomi"),
        SksLine("opr", "KJEA10", "19960101", "", "Laparoskopisk appendektomi"),
        SksLine("atc", "A10BA02", "19960101", "", "Metformin"));

    public const string WhoIndex = """
        atc_code,atc_name,ddd,uom,adm_r,note
        A,ALIMENTARY TRACT AND METABOLISM,NA,NA,NA,NA
        A10,DRUGS USED IN DIABETES,NA,NA,NA,NA
        A10B,"BLOOD GLUCOSE LOWERING DRUGS, EXCL. INSULINS",NA,NA,NA,NA
        A10BA,BIGUANIDES,NA,NA,NA,NA
        A10BA02,metformin,2,g,O,NA
        A10BA02,metformin,2,g,O,Extended release
        A10BK01,dapagliflozin,10,mg,O,NA
        """;

    public const string Medicinpriser = """
        ATC-kode;ATC-tekst
        A10BA02;Metformin
        A10BK01;Dapagliflozin
        R03AC02;Salbutamol
        """;
}
