namespace StatService.Core.Orders;

/// <summary>How an order came in: with an API key, or through the anonymous web form (always reviewed).</summary>
public enum OrderChannel
{
    Api,
    Form,
}
