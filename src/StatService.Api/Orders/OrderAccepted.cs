using StatService.Core.Orders;

namespace StatService.Api.Orders;

/// <summary>The answer to an accepted order.</summary>
public sealed record OrderAccepted(Guid Id, OrderStatus Status, OrderLinks Links);
