using StatService.Core.Catalogue;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>How a product's orders are released (<c>automatic</c> or <c>caseworker</c>) and priced.</summary>
public sealed record ProductTerms(string? Review, ProductPrice? Price)
{
    public static readonly ProductTerms Unknown = new(null, null);
}

/// <summary>The terms of a product; a product the catalogue does not describe has none (released automatically).</summary>
public interface IProductTerms
{
    ProductTerms For(string product);
}

/// <summary>The terms as declared in each product's product.json.</summary>
public sealed class CatalogueProductTerms(ProductCatalogue catalogue) : IProductTerms
{
    public ProductTerms For(string product) =>
        catalogue.Find(product) is { } definition ? new ProductTerms(definition.Review, definition.Price) : ProductTerms.Unknown;
}
