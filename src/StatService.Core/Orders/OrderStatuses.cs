using System.Text.Json;

namespace StatService.Core.Orders;

/// <summary>Order statuses as the API writes them and the order store keeps them: snake_case (<c>in_review</c>).</summary>
public static class OrderStatuses
{
    public static string Code(OrderStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
