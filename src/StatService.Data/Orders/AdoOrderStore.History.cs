using System.Data.Common;
using System.Globalization;
using StatService.Core.Orders;
using static StatService.Data.Orders.OrderRows;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Orders;

/// <summary>The order history: one entry per status change, written by the transaction that made the change.</summary>
public sealed partial class AdoOrderStore
{
    public async Task<IReadOnlyList<OrderHistoryEntry>> GetHistoryAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.SelectHistory);
        Add(command, "order_id", orderId.ToString());
        return await ReadHistoryAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<OrderHistoryEntry>> ListHistoryAfterAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, OrderStoreSql.SelectHistoryAfter);
        Add(command, "after", afterSequence);
        Add(command, "limit", limit);
        return await ReadHistoryAsync(command, cancellationToken);
    }

    /// <summary>
    /// Takes the next sequence number from the counter row (locking it until the transaction ends, so entries
    /// become visible in sequence order) and writes the entry.
    /// </summary>
    private static async Task AppendHistoryAsync(
        DbConnection connection, DbTransaction transaction, Guid orderId, DateTimeOffset at, string actor,
        OrderStatus? from, OrderStatus to, string? reason, CancellationToken cancellationToken)
    {
        await using (var advance = Command(connection, OrderStoreSql.AdvanceHistoryCounter, transaction))
        {
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        long sequence;
        await using (var select = Command(connection, OrderStoreSql.SelectHistoryCounter, transaction))
        {
            sequence = Convert.ToInt64(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var insert = Command(connection, OrderStoreSql.InsertHistory, transaction);
        Add(insert, "sequence", sequence);
        Add(insert, "order_id", orderId.ToString());
        Add(insert, "at", at.ToUnixTimeMilliseconds());
        Add(insert, "actor", actor);
        Add(insert, "from_status", from is { } f ? OrderStatuses.Code(f) : null);
        Add(insert, "to_status", OrderStatuses.Code(to));
        Add(insert, "reason", reason);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<OrderHistoryEntry>> ReadHistoryAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<OrderHistoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OrderHistoryEntry(
                reader.GetInt64(0),
                Guid.Parse(reader.GetString(1)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : ParseStatus(reader.GetString(4)),
                ParseStatus(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return entries;
    }
}
