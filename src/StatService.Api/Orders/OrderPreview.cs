using System.Globalization;
using StatService.Api.Results;
using StatService.Core.Localization;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>
/// What an order of a body would be, without placing it: the definition in words, the tables' layout, the estimated
/// size (rate tables included), whether a caseworker reviews it, the expected turnaround and the price quote. Built from validation alone: nothing is stored
/// and nothing is counted in the extract, so a preview tells nothing about persons.
/// </summary>
/// <param name="Language">The language of the words: <c>da</c> or <c>en</c>.</param>
/// <param name="EstimatedCells">The cells of the release as delivered, every margin and rate table included.</param>
/// <param name="PriceQuoteDkk">The product's price rule applied to the estimated cells; null when the product has no rule.</param>
/// <param name="Notes">What to bear in mind before ordering (new cases in years without look-back), in words.</param>
/// <param name="Tables">Each table as it will be delivered: rows, columns (totals included) and cells, and in words.</param>
/// <param name="Turnaround">When the result is normally ready, in words.</param>
public sealed record OrderPreview(
    string Product,
    string Language,
    string ProductTitle,
    string? Definition,
    long EstimatedCells,
    bool ReviewRequired,
    string Review,
    decimal? PriceQuoteDkk,
    string? Price,
    IReadOnlyList<string> Notes,
    IReadOnlyList<TableLayoutView> Tables,
    string Turnaround)
{
    public static OrderPreview Of(OrderValidation validation, OrderChannel channel, string language, OrderServices services, OrderWords words)
    {
        var product = validation.Product!;
        var parameters = validation.ParametersJson!;
        var terms = services.Terms.For(product);
        var cells = validation.EstimatedCells ?? TableSizeEstimate.FromBreakdowns(parameters, services.Breakdowns);
        var review = ReviewPolicy.RequiresReview(terms.Review, channel);
        var quote = terms.Price?.Quote(cells);
        return new OrderPreview(
            product,
            language,
            words.ProductTitle(product, language),
            words.Definition(product, parameters, language),
            cells,
            review,
            Texts.Get(language, review ? "preview.reviewCaseworker" : "preview.reviewAutomatic"),
            quote,
            terms.Price is { } rule && quote is { } total
                ? Texts.Get(
                    language,
                    "preview.priceRule",
                    ("total", Money(language, total)),
                    ("base", Money(language, rule.BaseDkk)),
                    ("perCell", Money(language, rule.PerCellDkk)),
                    ("cells", cells))
                : null,
            words.Notes(product, parameters, language),
            words.Tables(product, parameters, language),
            Texts.Get(language, review ? "preview.turnaroundCaseworker" : "preview.turnaroundAutomatic"));
    }

    /// <summary>An amount of DKK as the language writes it: whole kroner without decimals, else with øre.</summary>
    public static string Money(string language, decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "N0" : "N2", Texts.NumberFormat(language));
}
