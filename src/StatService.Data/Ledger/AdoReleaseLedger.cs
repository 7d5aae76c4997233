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
/// Records never change once written and are numbered per version in the order they were written, so each process keeps
/// a version's records (in their stored form) indexed by person (<see cref="ReleaseHistory"/>) and reads only those recorded since
/// the last it has, whichever process wrote them. Memory: the versions most recently checked, at most
/// <see cref="CachedVersions"/>.
/// </summary>
public sealed class AdoReleaseLedger(OrderDatabase database) : AdoStore(database), IReleaseLedger
{
    /// <summary>Extract versions whose histories are kept in memory; orders run on the newest one or two.</summary>
    public const int CachedVersions = 2;

    private readonly ConcurrentDictionary<string, CachedHistory> _histories = new(StringComparer.Ordinal);

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

    /// <summary>
    /// How many of a version's releases this process holds in memory (0 when it holds none, or dropped them): what the
    /// next check need not read from the database.
    /// </summary>
    public int HeldReleases(string extractVersion) =>
        _histories.TryGetValue(extractVersion, out var cached) ? cached.History.Count : 0;

    /// <summary>The lock of one extract version (its PostgreSQL advisory key is a hash of this name: keep it).</summary>
    internal static string LockName(string extractVersion) => "statservice.release-ledger:" + extractVersion;

    /// <summary>The releases recorded on a version but one order's, inside the caller's transaction if any.</summary>
    internal async Task<IReadOnlyList<RecordedRelease>> ReadEarlierAsync(
        DbConnection connection, DbTransaction? transaction, string extractVersion, Guid excludedOrder, CancellationToken cancellationToken)
    {
        var cached = _histories.GetOrAdd(extractVersion, _ => new CachedHistory());
        cached.LastUsed = Environment.TickCount64;
        await cached.Gate.WaitAsync(cancellationToken);
        try
        {
            // The ledger is append-only and numbered under the version's lock, so committed records are always a prefix of
            // the numbering: what this process has not seen yet is what comes after the last number it has.
            await using var select = Command(connection, ReleaseLedgerSql.SelectVersionRecordsAfter, transaction);
            Add(select, "extract_version", extractVersion);
            Add(select, "after", cached.History.LastSequence);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                cached.History.Append(reader.GetInt64(1), Guid.Parse(reader.GetString(0)), Convert.FromBase64String(reader.GetString(2)));
            }
        }
        finally
        {
            cached.Gate.Release();
        }

        Forget(extractVersion);
        return cached.History.View(excludedOrder);
    }

    /// <summary>Drops the least recently checked versions beyond <see cref="CachedVersions"/> (they are read again if needed).</summary>
    private void Forget(string keep)
    {
        foreach (var stale in _histories.Where(h => h.Key != keep).OrderByDescending(h => h.Value.LastUsed).Skip(CachedVersions - 1).ToList())
        {
            _histories.TryRemove(stale);
        }
    }

    private sealed class CachedHistory
    {
        public ReleaseHistory History { get; } = new();

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long LastUsed { get; set; }
    }
}
