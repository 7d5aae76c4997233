using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.OrderSpec;

namespace StatService.Api.Tests.TestDoubles;

/// <summary>
/// A stand-in for the product catalogue and its validator: knows the test products and checks only the
/// outline of an order (a product and a parameter object), keyed by field path like the real one.
/// </summary>
public sealed class TestCatalogue : IProductCatalogue, IOrderRequestValidator
{
    private static readonly string[] Products =
    [
        FixedResultPipeline.Product,
        FixedResultPipeline.CrashingProduct,
        FixedResultPipeline.RejectedProduct,
        FixedResultPipeline.HeldProduct,
    ];

    public IReadOnlyList<ProductSummary> List() =>
    [
        new ProductSummary(
            FixedResultPipeline.Product,
            "Test count",
            "Counts nothing; for tests.",
            ["region"],
            ["persons"],
            [new ProductTableSummary(FixedResultPipeline.Product, ["region"], Additive: true, NonAdditiveReason: null, LinkGroup: null, PerYear: false)],
            new ProductLimits(),
            "threshold-5",
            JsonDocument.Parse("""{"type":"object","properties":{"years":{"type":"array"}}}""").RootElement.Clone(),
            JsonDocument.Parse("""{"product":"test-count","parameters":{"years":[2022]}}""").RootElement.Clone(),
            new Dictionary<string, ProductTexts>()),
    ];

    public OrderValidation Validate(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return OrderValidation.Invalid(new Dictionary<string, string[]> { ["$"] = ["The order must be a JSON object."] });
        }

        string? product = null;
        if (!body.TryGetProperty("product", out var productElement) || productElement.ValueKind != JsonValueKind.String)
        {
            errors["product"] = ["Required: a product id."];
        }
        else if (!Products.Contains(productElement.GetString()))
        {
            return OrderValidation.Invalid(new Dictionary<string, string[]> { ["product"] = ["Unknown product."] }) with { UnknownProduct = true };
        }
        else
        {
            product = productElement.GetString();
        }

        if (!body.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            errors["parameters"] = ["Required: an object."];
        }
        else if (parameters.TryGetProperty("years", out var years) && years.ValueKind != JsonValueKind.Array)
        {
            errors["parameters.years"] = ["Must be a list of years."];
        }

        return errors.Count > 0 || product is null
            ? OrderValidation.Invalid(errors)
            : OrderValidation.Valid(product, parameters.GetRawText());
    }
}
