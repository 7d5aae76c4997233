using System.Security.Cryptography;

namespace StatService.Core.Orders;

/// <summary>
/// Issues, checks and revokes requesters' API keys. A key reads <c>ssk_&lt;requester id&gt;_&lt;secret&gt;</c>: the id
/// finds the requester, and the SHA-256 of the whole key is compared in constant time with the stored hash.
/// </summary>
public sealed class RequesterKeys(IRequesterStore store, TimeProvider time)
{
    private const string Prefix = "ssk_";

    public async Task<IssuedApiKey> IssueAsync(string name, RequesterKind kind, CancellationToken cancellationToken)
    {
        var id = "r" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var key = $"{Prefix}{id}_{Secrets.NewToken()}";
        var requester = new RequesterAccount(id, name.Trim(), kind, TruncatedNow(), null);
        await store.AddRequesterAsync(requester, Secrets.Hash(key), cancellationToken);
        return new IssuedApiKey(requester, key);
    }

    /// <summary>The requester holding this key, or null for an unknown, malformed or revoked key.</summary>
    public async Task<RequesterAccount?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var end = key.StartsWith(Prefix, StringComparison.Ordinal) ? key.IndexOf('_', Prefix.Length) : -1;
        if (end <= Prefix.Length)
        {
            return null;
        }

        var found = await store.FindRequesterAsync(key[Prefix.Length..end], cancellationToken);
        return found is { } stored && Secrets.SameHash(stored.KeyHash, Secrets.Hash(key)) && !stored.Requester.IsRevoked
            ? stored.Requester
            : null;
    }

    public Task<IReadOnlyList<RequesterAccount>> ListAsync(CancellationToken cancellationToken) => store.ListRequestersAsync(cancellationToken);

    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken) => store.RevokeKeyAsync(id, TruncatedNow(), cancellationToken);

    // Stored as unix milliseconds; what is returned should equal what reads back.
    private DateTimeOffset TruncatedNow() => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
