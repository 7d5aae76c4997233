using System.Data.Common;
using System.Globalization;
using StatService.Core.Orders;

namespace StatService.Data.Orders;

/// <summary>
/// <see cref="IOrderStore"/> in plain ADO.NET over the portable SQL of <see cref="OrderStoreSql"/> and the
/// migrations of <see cref="OrderStoreSchema"/>; a provider (SQLite, PostgreSQL) only opens connections and
/// prepares its database. One short-lived connection per operation, from the driver's pool.
/// </summary>
public abstract partial class AdoOrderStore : IOrderStore
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    protected AdoOrderStore(TimeProvider? time)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A new, open connection.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Provider settings applied once, before the migrations (SQLite's journal mode, say).</summary>
    protected virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CreateAsync(Order order, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertOrderAsync(connection, transaction, order, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The order row and its first history entry, inside the caller's transaction.</summary>
    private async Task InsertOrderAsync(DbConnection connection, DbTransaction transaction, Order order, CancellationToken cancellationToken)
    {
        await using (var command = Command(connection, OrderStoreSql.InsertOrder, transaction))
        {
            AddOrderParameters(command, order);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var actor = order.Channel == OrderChannel.Form ? OrderActors.Form : order.RequesterId;
        await AppendHistoryAsync(connection, transaction, order.Id, order.SubmittedAt, actor, null, order.Status, null, cancellationToken);
    }

    public async Task<Order?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.SelectOrder);
        Add(command, "id", id.ToString());
        return (await ReadOrdersAsync(command, cancellationToken)).FirstOrDefault();
    }

    public Task<bool> UpdateAsync(Order updated, OrderStatus expected, CancellationToken cancellationToken) =>
        UpdateAsync(updated, expected, OrderActors.System, null, cancellationToken);

    public async Task<bool> UpdateAsync(Order updated, OrderStatus expected, string actor, string? reason, CancellationToken cancellationToken)
    {
        if (!OrderTransitions.IsAllowed(expected, updated.Status))
        {
            throw new InvalidOperationException($"Order {updated.Id} cannot move from {expected} to {updated.Status}.");
        }

        ArgumentException.ThrowIfNullOrEmpty(actor);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(connection, OrderStoreSql.UpdateOrder, transaction))
        {
            AddOrderParameters(command, updated);
            Add(command, "expected", OrderStatuses.Code(expected));
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return false;
            }
        }

        await AppendHistoryAsync(connection, transaction, updated.Id, _time.GetUtcNow(), actor, expected, updated.Status, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<Order>> ListByStatusAsync(OrderStatus status, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.SelectOrdersByStatus);
        Add(command, "status", OrderStatuses.Code(status));
        Add(command, "limit", limit);
        return await ReadOrdersAsync(command, cancellationToken);
    }

    public async Task<OrderResult> SaveResultAsync(OrderResult result, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = Command(connection, OrderStoreSql.InsertResult, transaction))
        {
            Add(insert, "order_id", result.OrderId.ToString());
            Add(insert, "json", result.Json);
            Add(insert, "csv", result.Csv);
            Add(insert, "created_at", result.CreatedAt.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = await ReadResultAsync(connection, transaction, result.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"The result of order {result.OrderId} was not stored.");
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<OrderResult?> GetResultAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadResultAsync(connection, null, orderId, cancellationToken);
    }

    /// <summary>Whether the database answers; for the readiness check.</summary>
    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.Ping);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<OrderResult?> ReadResultAsync(
        DbConnection connection, DbTransaction? transaction, Guid orderId, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, OrderStoreSql.SelectResult, transaction);
        Add(command, "order_id", orderId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new OrderResult(
            Guid.Parse(reader.GetString(0)),
            reader.GetString(1),
            reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
    }

    /// <summary>An open connection on a migrated database.</summary>
    protected async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await PrepareDatabaseAsync(connection, cancellationToken);
            await MigrateAsync(connection, cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = Command(connection, OrderStoreSchema.CreateMigrationTable, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<long>();
        await using (var select = Command(connection, OrderStoreSchema.SelectAppliedVersions, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        foreach (var (version, statements) in OrderStoreSchema.All.Where(m => !applied.Contains(m.Version)))
        {
            foreach (var statement in statements)
            {
                await using var command = Command(connection, statement, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = Command(connection, OrderStoreSchema.RecordVersion, transaction);
            Add(record, "version", version);
            Add(record, "applied_at", _time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    protected static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static void AddOrderParameters(DbCommand command, Order order)
    {
        Add(command, "id", order.Id.ToString());
        Add(command, "product", order.Product);
        Add(command, "parameters_json", order.ParametersJson);
        Add(command, "requester_id", order.RequesterId);
        Add(command, "status", OrderStatuses.Code(order.Status));
        Add(command, "submitted_at", order.SubmittedAt.ToUnixTimeMilliseconds());
        Add(command, "queued_at", order.QueuedAt?.ToUnixTimeMilliseconds());
        Add(command, "started_at", order.StartedAt?.ToUnixTimeMilliseconds());
        Add(command, "delivered_at", order.DeliveredAt?.ToUnixTimeMilliseconds());
        Add(command, "failed_at", order.FailedAt?.ToUnixTimeMilliseconds());
        Add(command, "failure_reason", order.FailureReason);
        Add(command, "extract_version", order.ExtractVersion);
        Add(command, "requester_kind", order.RequesterKind is { } kind ? RequesterKinds.Code(kind) : null);
        Add(command, "purpose", order.Purpose);
        Add(command, "contact_name", order.ContactName);
        Add(command, "contact_email", order.ContactEmail);
        Add(command, "contact_organisation", order.ContactOrganisation);
        Add(command, "callback_url", order.CallbackUrl);
        Add(command, "channel", order.Channel.ToString().ToLowerInvariant());
        Add(command, "language", order.Language);
        Add(command, "status_token_hash", order.StatusTokenHash);
        Add(command, "review_required", order.ReviewRequired ? 1L : 0L);
        Add(command, "estimated_cells", order.EstimatedCells);
        Add(command, "price_quote_dkk", order.PriceQuoteDkk?.ToString(CultureInfo.InvariantCulture));
        Add(command, "review_note", order.ReviewNote);
        Add(command, "rejection_reason", order.RejectionReason);
        Add(command, "approved_at", order.ApprovedAt?.ToUnixTimeMilliseconds());
        Add(command, "cancelled_at", order.CancelledAt?.ToUnixTimeMilliseconds());
    }

    /// <summary>Every order row the command selects, in the order the SQL gives them.</summary>
    private static async Task<IReadOnlyList<Order>> ReadOrdersAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orders = new List<Order>();
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(ReadOrder(reader));
        }

        return orders;
    }

    private static Order ReadOrder(DbDataReader reader) => new()
    {
        Id = Guid.Parse(reader.GetString(0)),
        Product = reader.GetString(1),
        ParametersJson = reader.GetString(2),
        RequesterId = reader.GetString(3),
        Status = ParseStatus(reader.GetString(4)),
        SubmittedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        QueuedAt = Timestamp(reader, 6),
        StartedAt = Timestamp(reader, 7),
        DeliveredAt = Timestamp(reader, 8),
        FailedAt = Timestamp(reader, 9),
        FailureReason = reader.IsDBNull(10) ? null : reader.GetString(10),
        ExtractVersion = Text(reader, 11),
        RequesterKind = Text(reader, 12) is { } kind && RequesterKinds.TryParse(kind, out var parsed) ? parsed : null,
        Purpose = Text(reader, 13),
        ContactName = Text(reader, 14),
        ContactEmail = Text(reader, 15),
        ContactOrganisation = Text(reader, 16),
        CallbackUrl = Text(reader, 17),
        Channel = Enum.Parse<OrderChannel>(reader.GetString(18), ignoreCase: true),
        Language = Text(reader, 19),
        StatusTokenHash = Text(reader, 20),
        ReviewRequired = reader.GetInt64(21) != 0,
        EstimatedCells = reader.IsDBNull(22) ? null : reader.GetInt64(22),
        PriceQuoteDkk = Text(reader, 23) is { } price ? decimal.Parse(price, CultureInfo.InvariantCulture) : null,
        ReviewNote = Text(reader, 24),
        RejectionReason = Text(reader, 25),
        ApprovedAt = Timestamp(reader, 26),
        CancelledAt = Timestamp(reader, 27),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Timestamp(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    /// <summary>Statuses are stored as the API writes them (<see cref="OrderStatuses.Code"/>).</summary>
    private static OrderStatus ParseStatus(string text) =>
        Enum.Parse<OrderStatus>(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true);
}
