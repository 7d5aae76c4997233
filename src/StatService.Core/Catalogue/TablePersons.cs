namespace StatService.Core.Catalogue;

/// <summary>
/// Whom a product table counts before its own codes narrow it down (<c>"persons"</c> in <c>product.json</c>). Tables of
/// different products that count the same persons say so with the same kind, so the release ledger compares their cells;
/// a table without a kind is compared only with the same table of the same product.
/// </summary>
public static class TablePersons
{
    /// <summary>The order's cohort (<c>queries/shared/cohort.sql</c>), with age, sex and region at the index date.</summary>
    public const string Cohort = "cohort";

    /// <summary>Every person alive and resident at the end of the table's year (age, sex and region then).</summary>
    public const string Residents = "residents";

    public static IReadOnlyList<string> All { get; } = [Cohort, Residents];
}
