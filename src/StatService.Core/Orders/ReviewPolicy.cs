namespace StatService.Core.Orders;

/// <summary>
/// Which orders a caseworker must approve before they run: every order of a product declared
/// <c>"review": "caseworker"</c>, every custom-table order, and every order from the web form. Any other
/// <c>review</c> value (the products say <c>"automatic"</c>) runs without review.
/// </summary>
public static class ReviewPolicy
{
    public const string Caseworker = "caseworker";

    /// <summary>Products whose tables the requester designs: always reviewed, whatever their product.json says.</summary>
    public static IReadOnlyList<string> CustomTableProducts { get; } = ["custom-table"];

    /// <param name="productReview">The product's <c>review</c> setting; null for a product the catalogue does not describe.</param>
    public static bool RequiresReview(string product, string? productReview, OrderChannel channel) =>
        channel == OrderChannel.Form
        || CustomTableProducts.Contains(product, StringComparer.Ordinal)
        || string.Equals(productReview, Caseworker, StringComparison.OrdinalIgnoreCase);
}
