namespace StatService.Core.OrderSpec;

/// <summary>Hard limits on what one order may ask for, so that no order can exhaust the service.</summary>
public sealed record OrderLimits
{
    public int MaxCodesPerCriterion { get; init; } = 50;
}
