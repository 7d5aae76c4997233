namespace StatService.Core.Orders;

/// <summary>A delivered, protected result in its delivery formats. Stored once per order.</summary>
public sealed record OrderResult(Guid OrderId, string Json, string Csv, DateTimeOffset CreatedAt);
