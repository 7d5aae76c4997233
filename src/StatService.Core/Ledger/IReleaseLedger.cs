namespace StatService.Core.Ledger;

/// <summary>
/// Every person count the service has published, per extract version, so a new release can be checked against the
/// earlier ones before it is delivered (differencing). Stored beside the orders; the same contract on SQLite and PostgreSQL.
/// </summary>
public interface IReleaseLedger
{
    /// <summary>
    /// The cells published on <paramref name="extractVersion"/> whose context is one of <paramref name="contexts"/>, except
    /// those of <paramref name="excludedOrder"/> (a re-run of the same order). A plain read: others may record meanwhile.
    /// </summary>
    Task<IReadOnlyList<LedgerCell>> EarlierCellsAsync(
        string extractVersion, IReadOnlyCollection<string> contexts, Guid excludedOrder, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the check and record of one release on <paramref name="extractVersion"/>: until the session ends, no other
    /// session on that version can start, in this process or any other sharing the database.
    /// </summary>
    Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken);

    /// <summary>What the ledger holds of one order's release; null when it recorded none.</summary>
    Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken);
}
