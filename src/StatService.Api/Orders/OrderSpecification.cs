using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using StatService.Core.Localization;
using StatService.Core.OrderSpec;

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
            errors["body"] = [Texts.Get(Texts.English, "problem.orderUnread")];
        }

        return validation;
    }

    /// <summary>The 400 answer in <paramref name="language"/>: its detail and every error message.</summary>
    public static ValidationProblem Problem(Dictionary<string, string[]> errors, OrderValidation validation, string language)
    {
        var detail = validation.UnknownProduct
            ? Texts.Get(language, "problem.unknownProductDetail")
            : Texts.Get(language, "problem.problems", ("n", errors.Sum(e => e.Value.Length)));
        return TypedResults.ValidationProblem(ErrorTexts.Translate(errors, language), detail, title: Texts.Get(language, "problem.orderInvalid"));
    }
}
