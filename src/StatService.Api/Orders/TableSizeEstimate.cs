using System.Text.Json;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>
/// The cells (margins included) an order's table will have. The product's own estimate is taken when the order
/// is placed; for an order without one, the product of the code counts of its breakdowns, each with its total.
/// </summary>
public static class TableSizeEstimate
{
    public static long For(Order order, Breakdowns breakdowns) => order.EstimatedCells ?? FromBreakdowns(order.ParametersJson, breakdowns);

    public static long FromBreakdowns(string parametersJson, Breakdowns breakdowns)
    {
        using var parameters = JsonDocument.Parse(parametersJson);
        if (parameters.RootElement.ValueKind != JsonValueKind.Object
            || !parameters.RootElement.TryGetProperty("breakdown", out var breakdown)
            || breakdown.ValueKind != JsonValueKind.Array)
        {
            return 1;
        }

        return breakdown.EnumerateArray()
            .Where(name => name.ValueKind == JsonValueKind.String && Breakdowns.All.Contains(name.GetString()))
            .Aggregate(1L, (cells, name) => cells * breakdowns.Dimension(name.GetString()!).Count);
    }
}
