namespace StatService.Api.Orders;

/// <summary>Where to follow an order: its status, its result once delivered, and how to cancel it.</summary>
public sealed record OrderLinks(string Self, string Result, string Cancel)
{
    public static OrderLinks For(Guid id) => new($"/api/orders/{id}", $"/api/orders/{id}/result", $"/api/orders/{id}/cancel");

    /// <summary>The anonymous links of a form order, by its status token.</summary>
    public static OrderLinks ForStatusToken(string token) =>
        new($"/api/status/{token}", $"/api/status/{token}/result", $"/api/status/{token}/cancel");
}
