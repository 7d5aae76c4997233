using System.Text.Json;
using StatService.Core.Disclosure;
using StatService.Core.OrderSpec;

namespace StatService.Core.Catalogue;

/// <summary>A product as declared by <c>queries/&lt;id&gt;/product.json</c>, with its SQL loaded.</summary>
public sealed record ProductDefinition
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Title and description in other languages, by language code (<c>da</c>); the form shows them.</summary>
    public IReadOnlyDictionary<string, ProductTexts> Translations { get; init; } = new Dictionary<string, ProductTexts>();

    /// <summary>DuckDB SQL with <c>$named</c> parameters only; user values are never part of it.</summary>
    public required string Sql { get; init; }

    /// <summary>
    /// Whether the query counts the order's variants (<c>cohort_variants</c> in shared/cohort.sql) and returns each row's
    /// <c>variant</c>: the order with an attribute filter lifted is then counted in the order's own pass over the registers.
    /// </summary>
    public bool CountsVariants => Sql.Contains("FROM cohort_variants", StringComparison.Ordinal);

    /// <summary>The SQL file's name, for traces and error messages.</summary>
    public required string QueryFile { get; init; }

    /// <summary>The order-spec fields this product reads; others are refused so nothing is silently ignored.</summary>
    public required IReadOnlyList<string> Parameters { get; init; }

    /// <summary>The breakdowns an order may choose (empty: the product's tables are fixed).</summary>
    public required IReadOnlyList<string> Breakdowns { get; init; }

    /// <summary>The measures an order may choose; the first is the default.</summary>
    public required IReadOnlyList<string> Measures { get; init; }

    public required IReadOnlyList<TableSpec> Tables { get; init; }

    public IReadOnlyList<RateSpec> Rates { get; init; } = [];

    /// <summary>Parameters the product fixes (e.g. incidence is always first-ever occurrence).</summary>
    public string? FixedOccurrence { get; init; }

    public required ProductLimits Limits { get; init; }

    /// <summary>The product's policy (<c>"disclosure"</c>); its dominance rules apply to magnitude measures only.</summary>
    public required DisclosurePolicy Disclosure { get; init; }

    /// <summary><c>automatic</c> or <c>caseworker</c>.</summary>
    public required string Review { get; init; }

    /// <summary>The price rule for quotes (product.json <c>price</c>); null when the product has none.</summary>
    public Orders.ProductPrice? Price { get; init; }

    /// <summary>A ready-to-run order body.</summary>
    public required JsonElement Example { get; init; }

    /// <summary>The parameter schema shown by <c>GET /api/products</c>.</summary>
    public required JsonElement ParameterSchema { get; init; }

    public static bool IsMagnitude(string measure) => measure != OrderSpec.Measures.Persons;

    /// <summary>The policy an order's tables are protected under.</summary>
    public DisclosurePolicy PolicyFor(CohortParameters parameters) =>
        IsMagnitude(parameters.Measure) ? Disclosure : Disclosure with { Dominance = DominanceRules.None };

    /// <summary>
    /// How many cells (margins included) the order's release will have, from the code counts of its
    /// dimensions: the counted tables and the rate tables derived from them, as delivered. Known before
    /// the query runs, so a preview, a review queue and a price quote can show it.
    /// </summary>
    public long EstimateCells(CohortParameters parameters, Breakdowns breakdowns) =>
        CountedCells(parameters, breakdowns) + Rates.Sum(rate =>
            Tables.FirstOrDefault(t => t.Name == rate.Numerator) is { } numerator ? TableCells(numerator, parameters, breakdowns) : 0L);

    /// <summary>
    /// The cells of the tables the query counts and disclosure control protects (rates are derived afterwards
    /// from published numbers): the work an order asks for, which the product's <c>maxCells</c> limits.
    /// </summary>
    public long CountedCells(CohortParameters parameters, Breakdowns breakdowns) =>
        Tables.Sum(table => TableCells(table, parameters, breakdowns));

    private static long TableCells(TableSpec table, CohortParameters parameters, Breakdowns breakdowns) =>
        table.DimensionsFor(parameters).Aggregate(1L, (n, d) => n * breakdowns.CodeCount(d, parameters)) * table.InstanceNames(parameters).Count;

    public ProductSummary ToSummary() => new(
        Id, Title, Description, Breakdowns, Measures,
        Tables.Select(t => new ProductTableSummary(t.Name, t.Dimensions, t.Additive, t.NonAdditiveReason, t.LinkGroup, t.PerYear)).ToArray(),
        Limits, Disclosure.Name, ParameterSchema, Example, Translations)
    {
        Price = Price,
    };
}
