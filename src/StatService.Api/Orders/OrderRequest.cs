using System.Text.Json;

namespace StatService.Api.Orders;

/// <summary>
/// The body of <c>POST /api/orders</c>, for the OpenAPI document. The handler reads the raw JSON itself so
/// that every problem with it (wrong content type, malformed, invalid) is answered with a validation problem.
/// </summary>
/// <param name="Product">A product id from <c>GET /api/products</c>.</param>
/// <param name="Parameters">The product's parameters; see the product's example.</param>
public sealed record OrderRequest(string Product, JsonElement Parameters);
