namespace StatService.Core.Orders;

/// <summary>A requester with an issued API key. The key itself is never stored, only its SHA-256 hash.</summary>
public sealed record RequesterAccount(
    string Id, string Name, RequesterKind Kind, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A newly issued key: shown once to whoever issued it.</summary>
public sealed record IssuedApiKey(RequesterAccount Requester, string ApiKey);
