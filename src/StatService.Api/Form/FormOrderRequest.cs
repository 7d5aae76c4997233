using System.Text.Json;
using StatService.Api.Orders;

namespace StatService.Api.Form;

/// <summary>The body of <c>POST /api/form/orders</c> (for the OpenAPI document; the handler reads the JSON itself).</summary>
/// <param name="Product">A product id from <c>GET /api/products</c>.</param>
/// <param name="Parameters">The product's parameters.</param>
/// <param name="Purpose">What the statistics are for (required).</param>
/// <param name="Contact">Name and e-mail (required), organisation (optional).</param>
/// <param name="RequesterKind">company, patient_association, journalist or researcher.</param>
/// <param name="Language">da or en: the language of e-mails about the order.</param>
public sealed record FormOrderRequest(
    string Product, JsonElement Parameters, string Purpose, OrderContact Contact, string RequesterKind, string Language);

/// <summary>
/// The answer to a form order. <see cref="StatusToken"/> is shown only here: whoever holds it can follow
/// (and cancel) the order at <see cref="StatusUrl"/>.
/// </summary>
public sealed record FormOrderAccepted(Guid Id, string StatusToken, string StatusUrl);
