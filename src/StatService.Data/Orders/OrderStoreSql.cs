namespace StatService.Data.Orders;

/// <summary>
/// Every statement the order store runs, in SQL that SQLite and PostgreSQL both accept: plain TEXT and BIGINT
/// columns, timestamps as unix milliseconds (UTC), <c>@name</c> parameters, <c>ON CONFLICT ... DO NOTHING</c>.
/// Kept apart from the ADO.NET code so both providers run the same text; the requester, outbox and ledger stores
/// keep theirs beside them.
/// </summary>
internal static class OrderStoreSql
{
    private const string OrderColumns =
        "id, product, parameters_json, requester_id, status, submitted_at, queued_at, started_at, delivered_at, failed_at, failure_reason, extract_version, "
        + "requester_kind, purpose, contact_name, contact_email, contact_organisation, callback_url, channel, language, status_token_hash, "
        + "review_required, estimated_cells, price_quote_dkk, review_note, rejection_reason, approved_at, cancelled_at";

    public const string InsertOrder = $"""
        INSERT INTO orders ({OrderColumns})
        VALUES (@id, @product, @parameters_json, @requester_id, @status, @submitted_at, @queued_at, @started_at, @delivered_at, @failed_at, @failure_reason, @extract_version,
                @requester_kind, @purpose, @contact_name, @contact_email, @contact_organisation, @callback_url, @channel, @language, @status_token_hash,
                @review_required, @estimated_cells, @price_quote_dkk, @review_note, @rejection_reason, @approved_at, @cancelled_at)
        """;

    public const string SelectOrder = $"SELECT {OrderColumns} FROM orders WHERE id = @id";

    public const string SelectOrderByStatusToken = $"SELECT {OrderColumns} FROM orders WHERE status_token_hash = @status_token_hash";

    /// <summary>Compare-and-set: only an order still in <c>@expected</c> changes; the caller checks the row count.</summary>
    public const string UpdateOrder = """
        UPDATE orders
        SET status = @status, queued_at = @queued_at, started_at = @started_at, delivered_at = @delivered_at,
            failed_at = @failed_at, failure_reason = @failure_reason, extract_version = @extract_version,
            price_quote_dkk = @price_quote_dkk, review_note = @review_note, rejection_reason = @rejection_reason,
            approved_at = @approved_at, cancelled_at = @cancelled_at
        WHERE id = @id AND status = @expected
        """;

    public const string SelectOrdersByStatus = $"""
        SELECT {OrderColumns} FROM orders
        WHERE status = @status
        ORDER BY submitted_at, id
        LIMIT @limit
        """;

    /// <summary>
    /// Newest first: every order, a requester's, those in a status, or a requester's in a status. One statement per case,
    /// so each reads a range of an index from its newest end (a parameter meaning "any", <c>@x IS NULL OR x = @x</c>, made
    /// every listing scan and sort all orders).
    /// </summary>
    public const string SelectOrders = $"""
        SELECT {OrderColumns} FROM orders
        ORDER BY submitted_at DESC, id DESC
        LIMIT @limit
        """;

    public const string SelectOrdersOfRequester = $"""
        SELECT {OrderColumns} FROM orders
        WHERE requester_id = @requester_id
        ORDER BY submitted_at DESC, id DESC
        LIMIT @limit
        """;

    public const string SelectOrdersInStatus = $"""
        SELECT {OrderColumns} FROM orders
        WHERE status = @status
        ORDER BY submitted_at DESC, id DESC
        LIMIT @limit
        """;

    public const string SelectOrdersOfRequesterInStatus = $"""
        SELECT {OrderColumns} FROM orders
        WHERE requester_id = @requester_id AND status = @status
        ORDER BY submitted_at DESC, id DESC
        LIMIT @limit
        """;

    /// <summary>Queued orders ahead of one (queued earlier; ties broken by id): runs start in that order.</summary>
    public const string CountQueuedBefore = """
        SELECT COUNT(*) FROM orders
        WHERE status = @status AND id <> @id AND (queued_at < @queued_at OR (queued_at = @queued_at AND id < @id))
        """;

    /// <summary>The next history sequence; the row stays locked until the transaction ends.</summary>
    public const string AdvanceHistoryCounter = "UPDATE order_history_counter SET value = value + 1 WHERE name = 'history'";

    public const string SelectHistoryCounter = "SELECT value FROM order_history_counter WHERE name = 'history'";

    public const string InsertHistory = """
        INSERT INTO order_history (sequence, order_id, at, actor, from_status, to_status, reason)
        VALUES (@sequence, @order_id, @at, @actor, @from_status, @to_status, @reason)
        """;

    private const string HistoryColumns = "sequence, order_id, at, actor, from_status, to_status, reason";

    public const string SelectHistory = $"SELECT {HistoryColumns} FROM order_history WHERE order_id = @order_id ORDER BY sequence";

    public const string SelectHistoryAfter = $"""
        SELECT {HistoryColumns} FROM order_history
        WHERE sequence > @after
        ORDER BY sequence
        LIMIT @limit
        """;

    /// <summary>Claims the key for this order; no row changes when the requester used the key before.</summary>
    public const string InsertIdempotencyKey = """
        INSERT INTO order_idempotency (requester_id, idempotency_key, body_hash, order_id, created_at)
        VALUES (@requester_id, @idempotency_key, @body_hash, @order_id, @created_at)
        ON CONFLICT (requester_id, idempotency_key) DO NOTHING
        """;

    public const string SelectIdempotencyKey = """
        SELECT body_hash, order_id FROM order_idempotency
        WHERE requester_id = @requester_id AND idempotency_key = @idempotency_key
        """;

    /// <summary>The first result stored for an order wins; a re-run of a recovered job changes nothing.</summary>
    public const string InsertResult = """
        INSERT INTO order_results (order_id, json, csv, created_at)
        VALUES (@order_id, @json, @csv, @created_at)
        ON CONFLICT (order_id) DO NOTHING
        """;

    public const string SelectResult = "SELECT order_id, json, csv, created_at FROM order_results WHERE order_id = @order_id";
}
