using System.Text.Json;

namespace StatService.Api.Orders;

/// <summary>
/// The body of <c>POST /api/orders</c>, for the OpenAPI document. The handler reads the raw JSON itself so
/// that every problem with it (wrong content type, malformed, invalid) is answered with a validation problem.
/// </summary>
/// <param name="Product">A product id from <c>GET /api/products</c>.</param>
/// <param name="Parameters">The order specification (version 1), as far as the product reads it; see the product's parameterSchema and example.</param>
/// <param name="Purpose">What the statistics are for (shown to the caseworker who reviews the order).</param>
/// <param name="Contact">Who to contact about the order; e-mail notifications go to its address.</param>
/// <param name="CallbackUrl">An https URL that receives a signed webhook for every status change.</param>
public sealed record OrderRequest(string Product, JsonElement Parameters, string? Purpose, OrderContact? Contact, string? CallbackUrl);

/// <param name="Name">The contact person.</param>
/// <param name="Email">Where notifications about the order go.</param>
/// <param name="Organisation">The company, association or newsroom (web form).</param>
public sealed record OrderContact(string? Name, string? Email, string? Organisation);
