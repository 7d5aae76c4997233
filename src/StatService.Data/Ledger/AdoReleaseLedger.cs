using System.Collections.Concurrent;
using System.Data.Common;
using StatService.Core.Ledger;
using StatService.Data.Storage;
using static StatService.Data.Storage.AdoCommands;

namespace StatService.Data.Ledger;

/// <summary>
/// The release ledger, in the order database: a release's record is written in the transaction that stores its result
/// (<see cref="LedgerSession"/>), so a result is never stored without its record nor recorded twice. Sessions hold a
/// lock per extract version that each provider takes its own way (<see cref="OrderDatabase.BeginLockedTransactionAsync"/>).
/// Records never change once written, so each process decodes a record once and keeps it.
/// </summary>
public sealed class AdoReleaseLedger(OrderDatabase database) : AdoStore(database), IReleaseLedger
{
    private readonly ConcurrentDictionary<Guid, ReleasePersons> _recordedPersons = new();

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
            var transaction = await Database.BeginLockedTransactionAsync(connection, LockName(extractVersion), cancellationToken);
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

    /// <summary>The lock of one extract version (its PostgreSQL advisory key is a hash of this name: keep it).</summary>
    internal static string LockName(string extractVersion) => "statservice.release-ledger:" + extractVersion;

    /// <summary>The releases recorded on a version but one order's, inside the caller's transaction if any.</summary>
    internal async Task<IReadOnlyList<RecordedRelease>> ReadEarlierAsync(
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
}
