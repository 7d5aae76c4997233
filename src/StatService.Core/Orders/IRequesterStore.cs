namespace StatService.Core.Orders;

/// <summary>Requesters and the hashes of their API keys, kept in the order database.</summary>
public interface IRequesterStore
{
    Task AddRequesterAsync(RequesterAccount requester, string keyHash, CancellationToken cancellationToken);

    /// <summary>The requester and its key hash, revoked or not; null when there is no such requester.</summary>
    Task<(RequesterAccount Requester, string KeyHash)?> FindRequesterAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every requester, oldest first.</summary>
    Task<IReadOnlyList<RequesterAccount>> ListRequestersAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the requester's key; false when there is no such requester. Revoking twice keeps the first time.</summary>
    Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
