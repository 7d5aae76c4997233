namespace StatService.Api.Orders;

/// <summary>Where to follow an order: its status, and its result once delivered.</summary>
public sealed record OrderLinks(string Self, string Result)
{
    public static OrderLinks For(Guid id) => new($"/api/orders/{id}", $"/api/orders/{id}/result");
}
