using System.Data.Common;
using StatService.Core.Notifications;
using StatService.Data.Storage;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Notifications;

/// <summary>The notification outbox, in the order database so it shares its backups and its provider.</summary>
public sealed class AdoNotificationOutbox(OrderDatabase database) : AdoStore(database), INotificationOutbox
{
    public async Task<long> GetCursorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, NotificationOutboxSql.SelectCursor);
        Add(command, "name", NotificationOutboxSql.CursorName);
        return await command.ExecuteScalarAsync(cancellationToken) is { } position and not DBNull
            ? Convert.ToInt64(position, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    public async Task EnqueueAsync(IReadOnlyList<NewNotification> notifications, long cursor, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var notification in notifications)
        {
            await using var insert = Command(connection, NotificationOutboxSql.InsertNotification, transaction);
            Add(insert, "id", notification.Id);
            Add(insert, "event_id", notification.EventId);
            Add(insert, "channel", ChannelText(notification.Channel));
            Add(insert, "order_id", notification.OrderId.ToString());
            Add(insert, "sequence", notification.Sequence);
            Add(insert, "destination", notification.Destination);
            Add(insert, "payload", notification.Payload);
            Add(insert, "created_at", notification.CreatedAt.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var advance = Command(connection, NotificationOutboxSql.AdvanceCursor, transaction))
        {
            Add(advance, "name", NotificationOutboxSql.CursorName);
            Add(advance, "position", cursor);
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxNotification>> ClaimDueAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);
        var candidates = new List<OutboxNotification>();
        await using (var select = Command(connection, NotificationOutboxSql.SelectDue))
        {
            Add(select, "now", now.ToUnixTimeMilliseconds());
            Add(select, "limit", limit);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(ReadNotification(reader));
            }
        }

        var claimed = new List<OutboxNotification>(candidates.Count);
        foreach (var candidate in candidates)
        {
            await using var claim = Command(connection, NotificationOutboxSql.Claim);
            Add(claim, "id", candidate.Id);
            Add(claim, "owner", owner);
            Add(claim, "lease_until", leaseUntil.ToUnixTimeMilliseconds());
            Add(claim, "attempts", (long)candidate.Attempts);
            Add(claim, "now", now.ToUnixTimeMilliseconds());
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                claimed.Add(candidate);
            }
        }

        return claimed;
    }

    public async Task<bool> RecordAttemptAsync(string id, string owner, AttemptOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.State == NotificationState.Pending && outcome.NextAttemptAt is null)
        {
            throw new ArgumentException("A notification left pending needs the time of its next attempt.", nameof(outcome));
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, NotificationOutboxSql.RecordAttempt);
        Add(command, "id", id);
        Add(command, "owner", owner);
        Add(command, "state", StateText(outcome.State));
        Add(command, "at", outcome.At.ToUnixTimeMilliseconds());
        // A finished row is never due again; keep its column filled (NOT NULL) with the time it finished.
        Add(command, "next_attempt_at", (outcome.NextAttemptAt ?? outcome.At).ToUnixTimeMilliseconds());
        Add(command, "delivered_at", outcome.State == NotificationState.Delivered ? outcome.At.ToUnixTimeMilliseconds() : null);
        Add(command, "last_error", outcome.Error);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> PurgeFinishedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, NotificationOutboxSql.PurgeFinished);
        Add(command, "before", before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NotificationRecord>> ListForOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, NotificationOutboxSql.SelectForOrder);
        Add(command, "order_id", orderId.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<NotificationRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new NotificationRecord(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<NotificationChannel>(reader.GetString(2), ignoreCase: true),
                Guid.Parse(reader.GetString(3)),
                Enum.Parse<NotificationState>(reader.GetString(4), ignoreCase: true),
                checked((int)reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return records;
    }

    private static OutboxNotification ReadNotification(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Enum.Parse<NotificationChannel>(reader.GetString(2), ignoreCase: true),
        Guid.Parse(reader.GetString(3)),
        reader.GetInt64(4),
        reader.GetString(5),
        reader.GetString(6),
        checked((int)reader.GetInt64(7)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)));

    private static string ChannelText(NotificationChannel channel) => channel.ToString().ToLowerInvariant();

    private static string StateText(NotificationState state) => state.ToString().ToLowerInvariant();
}
