namespace StatService.Data.Requesters;

/// <summary>
/// The requesters table. It came with the order tables' version 2 (<see cref="Orders.OrderStoreSchema"/> runs this
/// statement there), so existing databases keep the version that made it.
/// </summary>
internal static class RequesterSchema
{
    /// <summary>API keys are stored as SHA-256 hashes only.</summary>
    public const string CreateRequesters = """
        CREATE TABLE IF NOT EXISTS requesters (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            key_hash TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            revoked_at BIGINT NULL
        )
        """;
}
