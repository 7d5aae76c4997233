using System.Diagnostics;
using StatService.Core.Ledger;
using StatService.Core.Orders;

namespace StatService.Cli.Commands;

/// <summary>
/// A ledger that holds no history and keeps what the pipeline would record: the history benchmark's way to get the
/// person sets of real orders (its templates) without checking them against each other.
/// </summary>
internal sealed class CapturingLedger : IReleaseLedger
{
    public LedgerRelease? Last { get; private set; }

    public Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(string extractVersion, Guid excludedOrder, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordedRelease>>([]);

    public Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken) =>
        Task.FromResult<ILedgerSession>(new Session(this));

    public Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken) => Task.FromResult<LedgerRelease?>(null);

    private sealed class Session(CapturingLedger ledger) : ILedgerSession
    {
        public Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(Guid excludedOrder, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RecordedRelease>>([]);

        public Task<OrderResult> CommitAsync(OrderResult result, LedgerRelease release, CancellationToken cancellationToken)
        {
            ledger.Last = release;
            return Task.FromResult(result);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// A real ledger whose reads are timed and whose sessions never commit: the history benchmark checks the same order
/// again and again against a history that stays as built. <see cref="Inner"/> can be replaced by a fresh instance to
/// time a check in a process that has read nothing yet.
/// </summary>
internal sealed class RollbackLedger(IReleaseLedger inner) : IReleaseLedger
{
    public IReleaseLedger Inner { get; set; } = inner;

    /// <summary>Milliseconds spent reading (and decoding) earlier releases since the last reset.</summary>
    public double ReadMilliseconds { get; set; }

    public async Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(string extractVersion, Guid excludedOrder, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var releases = await Inner.EarlierReleasesAsync(extractVersion, excludedOrder, cancellationToken);
        ReadMilliseconds += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return releases;
    }

    public async Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken) =>
        new Session(this, await Inner.BeginAsync(extractVersion, cancellationToken));

    public Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken) => Inner.ReleaseOfAsync(orderId, cancellationToken);

    private sealed class Session(RollbackLedger ledger, ILedgerSession inner) : ILedgerSession
    {
        public async Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(Guid excludedOrder, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var releases = await inner.EarlierReleasesAsync(excludedOrder, cancellationToken);
            ledger.ReadMilliseconds += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return releases;
        }

        // Ends the session without its commit: nothing is recorded, so the next check sees the same history.
        public async Task<OrderResult> CommitAsync(OrderResult result, LedgerRelease release, CancellationToken cancellationToken)
        {
            await inner.DisposeAsync();
            return result;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
