namespace StatService.Core.Ledger;

/// <summary>
/// Whom every delivered release counted, per extract version, so a new release can be audited together with the earlier
/// ones before it is delivered. Stored beside the orders; the same contract on SQLite and PostgreSQL.
/// </summary>
public interface IReleaseLedger
{
    /// <summary>
    /// The releases recorded on <paramref name="extractVersion"/>, except <paramref name="excludedOrder"/>'s (a re-run of
    /// the same order), in the order they were recorded. A plain read: others may record meanwhile.
    /// </summary>
    Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(string extractVersion, Guid excludedOrder, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the check and record of one release on <paramref name="extractVersion"/>: until the session ends, no other
    /// session on that version can start, in this process or any other sharing the database.
    /// </summary>
    Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken);

    /// <summary>What the ledger holds of one order's release; null when it recorded none.</summary>
    Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken);
}
