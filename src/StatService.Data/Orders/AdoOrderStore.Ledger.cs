using System.Collections.Concurrent;
using System.Data.Common;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Data.Ledger;

namespace StatService.Data.Orders;

/// <summary>
/// The release ledger, in the order database: a release's record is written in the transaction that stores its result,
/// so a result is never stored without its record nor recorded twice. Sessions hold a lock per extract version that
/// each provider takes its own way (<see cref="BeginLedgerTransactionAsync"/>). Records never change once written, so
/// each process decodes a record once and keeps it.
/// </summary>
public abstract partial class AdoOrderStore : IReleaseLedger
{
    private readonly ConcurrentDictionary<Guid, ReleasePersons> _recordedPersons = new();

    /// <summary>
    /// Begins a transaction that holds the ledger lock of <paramref name="extractVersion"/> until it ends, against every
    /// connection of every process on the database.
    /// </summary>
    protected abstract Task<DbTransaction> BeginLedgerTransactionAsync(DbConnection connection, string extractVersion, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(string extractVersion, Guid excludedOrder, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadEarlierAsync(connection, null, extractVersion, excludedOrder, cancellationToken);
    }

    public async Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(extractVersion);
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var transaction = await BeginLedgerTransactionAsync(connection, extractVersion, cancellationToken);
            return new LedgerSession(this, connection, transaction, extractVersion);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = Command(connection, ReleaseLedgerSql.SelectRelease);
        Add(select, "order_id", orderId.ToString());
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var persons = reader.IsDBNull(5) ? ReleasePersons.Empty : ReleasePersonsCodec.Decode(Convert.FromBase64String(reader.GetString(5)));
        return new LedgerRelease(
            orderId, reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), persons,
            checked((int)reader.GetInt64(3)), checked((int)reader.GetInt64(4)));
    }

    private async Task<IReadOnlyList<RecordedRelease>> ReadEarlierAsync(
        DbConnection connection, DbTransaction? transaction, string extractVersion, Guid excludedOrder, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        await using (var select = Command(connection, ReleaseLedgerSql.SelectVersionRecords, transaction))
        {
            Add(select, "extract_version", extractVersion);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        var releases = new List<RecordedRelease>(ids.Count);
        foreach (var id in ids.Where(id => id != excludedOrder))
        {
            if (!_recordedPersons.TryGetValue(id, out var persons))
            {
                await using var select = Command(connection, ReleaseLedgerSql.SelectPayload, transaction);
                Add(select, "order_id", id.ToString());
                var payload = (string?)await select.ExecuteScalarAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"The ledger record of order {id} vanished.");
                persons = _recordedPersons.GetOrAdd(id, ReleasePersonsCodec.Decode(Convert.FromBase64String(payload)));
            }

            releases.Add(new RecordedRelease(id, persons));
        }

        return releases;
    }

    /// <summary>One connection and its locked transaction; disposing without a commit rolls back and releases the lock.</summary>
    private sealed class LedgerSession(AdoOrderStore store, DbConnection connection, DbTransaction transaction, string extractVersion) : ILedgerSession
    {
        private bool _ended;

        public Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(Guid excludedOrder, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            return store.ReadEarlierAsync(connection, transaction, extractVersion, excludedOrder, cancellationToken);
        }

        public async Task<OrderResult> CommitAsync(OrderResult result, LedgerRelease release, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            if (release.OrderId != result.OrderId || release.ExtractVersion != extractVersion)
            {
                throw new ArgumentException("The release recorded must be the result's, on the session's extract version.", nameof(release));
            }

            int inserted;
            await using (var insert = Command(connection, OrderStoreSql.InsertResult, transaction))
            {
                Add(insert, "order_id", result.OrderId.ToString());
                Add(insert, "json", result.Json);
                Add(insert, "csv", result.Csv);
                Add(insert, "created_at", result.CreatedAt.ToUnixTimeMilliseconds());
                inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            // A stored result was recorded with it (or before the ledger existed): the first release stands, unrecorded again.
            if (inserted == 1)
            {
                await RecordAsync(release, cancellationToken);
            }

            var stored = await ReadResultAsync(connection, transaction, result.OrderId, cancellationToken)
                ?? throw new InvalidOperationException($"The result of order {result.OrderId} was not stored.");
            await transaction.CommitAsync(cancellationToken);
            await DisposeAsync();
            return stored;
        }

        private async Task RecordAsync(LedgerRelease release, CancellationToken cancellationToken)
        {
            await using (var insert = Command(connection, ReleaseLedgerSql.InsertRelease, transaction))
            {
                Add(insert, "order_id", release.OrderId.ToString());
                Add(insert, "extract_version", release.ExtractVersion);
                Add(insert, "product", release.Product);
                Add(insert, "recorded_at", release.RecordedAt.ToUnixTimeMilliseconds());
                Add(insert, "cells", (long)release.Persons.InnerCellCount);
                Add(insert, "compared_releases", (long)release.ComparedReleases);
                Add(insert, "differencing_cells", (long)release.LedgerCells);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return;
                }
            }

            long sequence;
            await using (var next = Command(connection, ReleaseLedgerSql.NextSequence, transaction))
            {
                Add(next, "extract_version", release.ExtractVersion);
                sequence = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }

            await using var persons = Command(connection, ReleaseLedgerSql.InsertPersons, transaction);
            Add(persons, "order_id", release.OrderId.ToString());
            Add(persons, "extract_version", release.ExtractVersion);
            Add(persons, "recorded_seq", sequence);
            Add(persons, "payload", Convert.ToBase64String(ReleasePersonsCodec.Encode(release.Persons)));
            await persons.ExecuteNonQueryAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
