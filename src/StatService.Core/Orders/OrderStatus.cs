namespace StatService.Core.Orders;

public enum OrderStatus
{
    Submitted,
    Queued,
    Running,
    Delivered,
    Failed,
}
