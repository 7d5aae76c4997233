namespace StatService.Core.Orders;

/// <summary>A requester's <c>Idempotency-Key</c> for one order and the SHA-256 (hex) of the body sent with it.</summary>
public sealed record IdempotencyKey(string Key, string BodyHash)
{
    public const int MaxLength = 200;
}

/// <summary>The order stored under an idempotency key: the new one, or the one an earlier request stored.</summary>
public sealed record OrderCreation(Order Order, bool Created, bool SameBody);
