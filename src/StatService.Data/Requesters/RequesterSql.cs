namespace StatService.Data.Requesters;

/// <summary>The requester store's statements, in the order database's portable dialect (SQLite and PostgreSQL).</summary>
internal static class RequesterSql
{
    public const string InsertRequester = """
        INSERT INTO requesters (id, name, kind, key_hash, created_at, revoked_at)
        VALUES (@id, @name, @kind, @key_hash, @created_at, NULL)
        """;

    public const string SelectRequester = "SELECT id, name, kind, created_at, revoked_at, key_hash FROM requesters WHERE id = @id";

    public const string SelectRequesters = "SELECT id, name, kind, created_at, revoked_at, key_hash FROM requesters ORDER BY created_at, id";

    public const string RevokeRequesterKey = "UPDATE requesters SET revoked_at = COALESCE(revoked_at, @revoked_at) WHERE id = @id";
}
