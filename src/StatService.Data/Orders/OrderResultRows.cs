using System.Data.Common;
using StatService.Core.Orders;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Orders;

/// <summary>
/// Writing and reading an order's result inside a caller's transaction: shared by the order store and the release
/// ledger, which stores a result together with its ledger record.
/// </summary>
internal static class OrderResultRows
{
    /// <summary>Inserts the result unless one is stored; 1 when this one was, 0 when an earlier one stands.</summary>
    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, OrderResult result, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection, OrderStoreSql.InsertResult, transaction);
        Add(insert, "order_id", result.OrderId.ToString());
        Add(insert, "json", result.Json);
        Add(insert, "csv", result.Csv);
        Add(insert, "created_at", result.CreatedAt.ToUnixTimeMilliseconds());
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The stored result, after an insert: the first one stored wins.</summary>
    public static async Task<OrderResult> ReadStoredAsync(DbConnection connection, DbTransaction transaction, Guid orderId, CancellationToken cancellationToken) =>
        await ReadAsync(connection, transaction, orderId, cancellationToken)
            ?? throw new InvalidOperationException($"The result of order {orderId} was not stored.");

    public static async Task<OrderResult?> ReadAsync(
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
}
