namespace StatService.Data.Orders;

/// <summary>
/// Every statement the order store runs, in SQL that SQLite and PostgreSQL both accept: plain TEXT and BIGINT
/// columns, timestamps as unix milliseconds (UTC), <c>@name</c> parameters, <c>ON CONFLICT ... DO NOTHING</c>.
/// Kept apart from the ADO.NET code so a PostgreSQL store can run the same text.
/// </summary>
internal static class OrderStoreSql
{
    private const string OrderColumns =
        "id, product, parameters_json, requester_id, status, submitted_at, queued_at, started_at, delivered_at, failed_at, failure_reason, extract_version";

    public const string InsertOrder = $"""
        INSERT INTO orders ({OrderColumns})
        VALUES (@id, @product, @parameters_json, @requester_id, @status, @submitted_at, @queued_at, @started_at, @delivered_at, @failed_at, @failure_reason, @extract_version)
        """;

    public const string SelectOrder = $"SELECT {OrderColumns} FROM orders WHERE id = @id";

    /// <summary>Compare-and-set: only an order still in <c>@expected</c> changes; the caller checks the row count.</summary>
    public const string UpdateOrder = """
        UPDATE orders
        SET status = @status, queued_at = @queued_at, started_at = @started_at, delivered_at = @delivered_at,
            failed_at = @failed_at, failure_reason = @failure_reason, extract_version = @extract_version
        WHERE id = @id AND status = @expected
        """;

    public const string SelectOrdersByStatus = $"""
        SELECT {OrderColumns} FROM orders
        WHERE status = @status
        ORDER BY submitted_at, id
        LIMIT @limit
        """;

    /// <summary>The first result stored for an order wins; a re-run of a recovered job changes nothing.</summary>
    public const string InsertResult = """
        INSERT INTO order_results (order_id, json, csv, created_at)
        VALUES (@order_id, @json, @csv, @created_at)
        ON CONFLICT (order_id) DO NOTHING
        """;

    public const string SelectResult = "SELECT order_id, json, csv, created_at FROM order_results WHERE order_id = @order_id";

    public const string Ping = "SELECT 1";
}
