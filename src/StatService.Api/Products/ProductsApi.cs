using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using StatService.Core.Catalogue;

namespace StatService.Api.Products;

public static class ProductsApi
{
    /// <summary>The catalogue is public, like a price list: the order form shows it before a key is entered.</summary>
    public static RouteGroupBuilder MapProducts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/products").WithTags("Products").AllowAnonymous();
        group.MapGet("/", ListProducts)
            .WithName("ListProducts")
            .WithSummary("The products that can be ordered, with an example order for each");
        return group;
    }

    public static Ok<IReadOnlyList<ProductSummary>> ListProducts([FromServices] IProductCatalogue catalogue) =>
        TypedResults.Ok(catalogue.List());
}
