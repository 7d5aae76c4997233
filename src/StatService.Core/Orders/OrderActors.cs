namespace StatService.Core.Orders;

/// <summary>Who changed an order, as history entries name them when no requester or caseworker did.</summary>
public static class OrderActors
{
    /// <summary>The job that runs orders.</summary>
    public const string Worker = "worker";

    /// <summary>The service itself: scheduling, the sweeper, recovery.</summary>
    public const string System = "system";

    /// <summary>An anonymous requester of the web form (or someone holding its status link).</summary>
    public const string Form = "form";
}
