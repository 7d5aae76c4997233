using System.Text.Json;
using StatService.Core.OrderSpec;

namespace StatService.Core.Catalogue;

/// <summary>What <c>GET /api/products</c> shows of a product.</summary>
public sealed record ProductSummary(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Breakdowns,
    IReadOnlyList<string> Measures,
    IReadOnlyList<ProductTableSummary> Tables,
    ProductLimits Limits,
    string DisclosurePolicy,
    JsonElement ParameterSchema,
    JsonElement Example,
    IReadOnlyDictionary<string, ProductTexts> Translations)
{
    /// <summary>The price rule quotes follow (a fixed part plus a price per delivered cell); null: the product is free.</summary>
    public Orders.ProductPrice? Price { get; init; }
}

/// <summary>A product's title and description in one language.</summary>
public sealed record ProductTexts(string Title, string Description);

/// <summary>A table of a product's release: its dimensions (<c>$breakdown</c>: the order's) and additivity.</summary>
public sealed record ProductTableSummary(
    string Name,
    IReadOnlyList<string> Dimensions,
    bool Additive,
    string? NonAdditiveReason,
    string? LinkGroup,
    bool PerYear);
