using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using StatService.Core.Catalogue;

namespace StatService.Api.Orders;

/// <summary>
/// The product validator's verdict on an order body's specification (the body without the fields the endpoint reads
/// itself), merged with that endpoint's own field errors into one answer; shared by the API and the web form.
/// </summary>
public static class OrderSpecification
{
    /// <summary>
    /// Validates the specification and adds its errors to <paramref name="errors"/>; if the order cannot be placed,
    /// <paramref name="errors"/> afterwards names at least one problem.
    /// </summary>
    public static OrderValidation Validate(
        IOrderRequestValidator validator, JsonElement body, IReadOnlyCollection<string> endpointFields, Dictionary<string, string[]> errors)
    {
        var validation = validator.Validate(OrderFields.Specification(body, endpointFields));
        foreach (var (field, messages) in validation.Errors)
        {
            errors[field] = messages;
        }

        if (errors.Count == 0 && (validation.Product is null || validation.ParametersJson is null))
        {
            errors["body"] = ["The order could not be read."];
        }

        return validation;
    }

    public static ValidationProblem Problem(Dictionary<string, string[]> errors, OrderValidation validation)
    {
        var detail = validation.UnknownProduct
            ? "The product does not exist; see GET /api/products."
            : $"The order has {errors.Sum(e => e.Value.Length)} problem(s); see 'errors' for each field.";
        return TypedResults.ValidationProblem(errors, detail, title: "The order is not valid");
    }
}
