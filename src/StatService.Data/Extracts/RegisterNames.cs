namespace StatService.Data.Extracts;

/// <summary>The register tables the service's SQL may refer to: the one place that names them.</summary>
public static class RegisterNames
{
    public const string Person = "cpr_person";
    public const string CauseOfDeath = "dodsaarsag";
    public const string Contacts = "lpr_f_kontakter";
    public const string Diagnoses = "lpr_f_diagnoser";
    public const string Procedures = "lpr_f_procedurer";
    public const string Prescriptions = "lmdb";
    public const string Products = "lmdb_produkt";
    public const string Cancer = "cancer";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Person, CauseOfDeath, Contacts, Diagnoses, Procedures, Prescriptions, Products, Cancer,
    };

    public static bool IsKnown(string table) => All.Contains(table);
}
