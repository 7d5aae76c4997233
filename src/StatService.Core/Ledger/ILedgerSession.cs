using StatService.Core.Orders;

namespace StatService.Core.Ledger;

/// <summary>
/// The check and record of one release, serialised per extract version (see <see cref="IReleaseLedger.BeginAsync"/>).
/// Disposing it without <see cref="CommitAsync"/> records nothing.
/// </summary>
public interface ILedgerSession : IAsyncDisposable
{
    /// <summary>As <see cref="IReleaseLedger.EarlierReleasesAsync"/>, on the session's version, seeing every release recorded before it began.</summary>
    Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(Guid excludedOrder, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the result and records the release in one transaction and ends the session. When a result of the order is
    /// stored already (a re-run of a recovered job), nothing changes: the first result and its record win. Returns the
    /// stored result.
    /// </summary>
    Task<OrderResult> CommitAsync(OrderResult result, LedgerRelease release, CancellationToken cancellationToken);
}
