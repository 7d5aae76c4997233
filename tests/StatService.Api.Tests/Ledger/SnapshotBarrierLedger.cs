using StatService.Core.Ledger;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// The service's ledger, except that each check's first, unlocked read of the ledger waits until every one of
/// <paramref name="checks"/> checks has made it: all of them protect against a ledger that holds none of the others, and
/// only the read under the lock can tell them apart. Everything else passes through.
/// </summary>
internal sealed class SnapshotBarrierLedger(IReleaseLedger inner, int checks) : IReleaseLedger
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public async Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(string extractVersion, Guid excludedOrder, CancellationToken cancellationToken)
    {
        var cells = await inner.EarlierReleasesAsync(extractVersion, excludedOrder, cancellationToken);
        if (Interlocked.Increment(ref _arrived) >= checks)
        {
            _all.TrySetResult();
        }

        await _all.Task.WaitAsync(StatServiceApplication.Patience, cancellationToken);
        return cells;
    }

    public Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken) => inner.BeginAsync(extractVersion, cancellationToken);

    public Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken) => inner.ReleaseOfAsync(orderId, cancellationToken);
}
