using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StatService.Api.Orders;
using StatService.Core.Catalogue;
using StatService.Core.OrderSpec;

namespace StatService.Api.Http;

/// <summary>
/// Publishes the order specification (version 1) as the schema of <see cref="OrderRequest.Parameters"/>, which the
/// handler reads as raw JSON: every field any product reads, generated from the catalogue exactly as
/// <c>GET /api/products</c> generates each product's <c>parameterSchema</c>.
/// </summary>
public sealed class OrderSpecSchemaTransformer(ProductCatalogue catalogue) : IOpenApiSchemaTransformer
{
    private const string ParametersProperty = "parameters";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(OrderRequest) && schema.Properties is { } properties && properties.ContainsKey(ParametersProperty))
        {
            var products = catalogue.Ids.Select(id => catalogue.Find(id)!).ToArray();
            var specification = OrderSpecSchema.From(ParameterSchema.ForAll(products));
            specification.Description = "The order specification (version 1): every field any product reads. A product reads only some of "
                + "them and refuses the others; its own schema, with its limits, is its parameterSchema in GET /api/products.";
            properties[ParametersProperty] = specification;
        }

        return Task.CompletedTask;
    }
}
