namespace StatService.Core.Orders;

/// <summary>
/// Which orders a caseworker must approve before they run: every order of a product declared
/// <c>"review": "caseworker"</c> (custom-table, whose tables the requester designs, says so) and every order from the
/// web form. Products say <c>"automatic"</c> or <c>"caseworker"</c>; the catalogue refuses anything else at start.
/// </summary>
public static class ReviewPolicy
{
    public const string Automatic = "automatic";

    public const string Caseworker = "caseworker";

    /// <summary>The values a product's <c>review</c> may take.</summary>
    public static IReadOnlyList<string> Settings { get; } = [Automatic, Caseworker];

    /// <param name="productReview">The product's <c>review</c> setting; null for a product the catalogue does not describe.</param>
    public static bool RequiresReview(string? productReview, OrderChannel channel) =>
        channel == OrderChannel.Form || string.Equals(productReview, Caseworker, StringComparison.Ordinal);
}
