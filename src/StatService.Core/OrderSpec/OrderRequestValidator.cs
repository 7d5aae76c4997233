using System.Text.Json;
using StatService.Core.Catalogue;

namespace StatService.Core.OrderSpec;

/// <summary>Validates order bodies against the catalogue, the code lists and the newest extract.</summary>
public sealed class OrderRequestValidator(ProductCatalogue catalogue, CohortParametersReader reader, IExtractRegistry extracts)
    : IOrderRequestValidator
{
    public OrderValidation Validate(JsonElement body)
    {
        var errors = new ValidationErrors();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The order must be a JSON object with 'product' and 'parameters'.");
            return OrderValidation.Invalid(errors.ToDictionary());
        }

        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("product" or "parameters"))
            {
                errors.Add(property.Name, "Unknown field. An order has 'product' and 'parameters'.");
            }
        }

        var productId = body.TryGetProperty("product", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var product = productId is null ? null : catalogue.Find(productId);
        if (product is null)
        {
            errors.Add("product", productId is null
                ? $"Required: one of {string.Join(", ", catalogue.Ids.Order(StringComparer.Ordinal))}."
                : $"Unknown product. Available products: {string.Join(", ", catalogue.Ids.Order(StringComparer.Ordinal))}.");
            return OrderValidation.Invalid(errors.ToDictionary()) with { UnknownProduct = productId is not null };
        }

        if (!body.TryGetProperty("parameters", out var parameters))
        {
            errors.Add("parameters", "Required: the product's parameters.");
            return OrderValidation.Invalid(errors.ToDictionary());
        }

        if (ResolveExtract(parameters, errors) is not { } extract)
        {
            return OrderValidation.Invalid(errors.ToDictionary());
        }

        var cohort = reader.Read(parameters, extract, product, errors);
        return cohort is null || errors.Any
            ? OrderValidation.Invalid(errors.ToDictionary())
            : OrderValidation.Valid(product.Id, CohortParametersJson.Serialize(cohort)) with { EstimatedCells = reader.EstimateCells(product, cohort) };
    }

    /// <summary>The extract the order names in <c>extractVersion</c>, else the newest.</summary>
    private ExtractInfo? ResolveExtract(JsonElement parameters, ValidationErrors errors)
    {
        if (parameters.ValueKind == JsonValueKind.Object &&
            parameters.TryGetProperty("extractVersion", out var named) && named.ValueKind != JsonValueKind.Null)
        {
            var version = named.ValueKind == JsonValueKind.String ? named.GetString() : null;
            if (version is not null && version.Length <= 100 && extracts.Find(version) is { } found)
            {
                return found;
            }

            errors.Add("parameters.extractVersion", "Unknown extract version; see GET /api/extracts for the versions available.");
            return null;
        }

        if (extracts.Newest() is { } newest)
        {
            return newest;
        }

        errors.Add("product", "No register extract is available yet; try again later.");
        return null;
    }
}
