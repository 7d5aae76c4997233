using System.Text.Json;

namespace StatService.Core.OrderSpec;

/// <summary>
/// Checks an order body (<c>{"product": ..., "parameters": {...}}</c>) against the product catalogue,
/// the code lists and the extract coverage. Never throws on bad input: every problem is an error
/// keyed by the JSON path of the field (e.g. <c>parameters.diagnoses.include[0]</c>).
/// </summary>
public interface IOrderRequestValidator
{
    OrderValidation Validate(JsonElement body);
}

/// <summary>
/// The outcome of validation. When valid, <see cref="ParametersJson"/> is the normalised parameter
/// object to store with the order (defaults filled in, codes upper-cased).
/// </summary>
public sealed record OrderValidation(string? Product, string? ParametersJson, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>True when the product itself is unknown (answered 404-style by some clients, 400 here).</summary>
    public bool UnknownProduct { get; init; }

    /// <summary>When valid: how many cells (margins included) the release will have, estimated before the query runs.</summary>
    public long? EstimatedCells { get; init; }

    public static OrderValidation Valid(string product, string parametersJson) =>
        new(product, parametersJson, new Dictionary<string, string[]>());

    public static OrderValidation Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, null, errors);
}
