using StatService.Core.Ledger;
using StatService.Core.Orders;

namespace StatService.Cli.Commands;

/// <summary>
/// The release ledger in memory for the benchmark: records are kept in their stored (encoded) form in a
/// <see cref="ReleaseHistory"/> per version, indexed by person, as the order store's ledger keeps them, so checks read
/// the history the service's way and storage per release is the store's. Sessions are serialised like the store's.
/// </summary>
internal sealed class MemoryLedger : IReleaseLedger
{
    private readonly Dictionary<string, ReleaseHistory> _histories = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _sequence;

    public long StoredBytes { get; private set; }

    public int Count { get; private set; }

    public Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(string extractVersion, Guid excludedOrder, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordedRelease>>(_histories.TryGetValue(extractVersion, out var history) ? history.View(excludedOrder) : []);

    public async Task<ILedgerSession> BeginAsync(string extractVersion, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        return new Session(this, extractVersion);
    }

    public Task<LedgerRelease?> ReleaseOfAsync(Guid orderId, CancellationToken cancellationToken) => Task.FromResult<LedgerRelease?>(null);

    private sealed class Session(MemoryLedger ledger, string version) : ILedgerSession
    {
        private bool _ended;

        public Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(Guid excludedOrder, CancellationToken cancellationToken) =>
            ledger.EarlierReleasesAsync(version, excludedOrder, cancellationToken);

        public Task<OrderResult> CommitAsync(OrderResult result, LedgerRelease release, CancellationToken cancellationToken)
        {
            var payload = ReleasePersonsCodec.Encode(release.Persons);
            if (!ledger._histories.TryGetValue(version, out var history))
            {
                ledger._histories[version] = history = new ReleaseHistory();
            }

            history.Append(++ledger._sequence, release.OrderId, payload);

            ledger.StoredBytes += payload.Length;
            ledger.Count++;
            return Task.FromResult(result);
        }

        public ValueTask DisposeAsync()
        {
            if (!_ended)
            {
                _ended = true;
                ledger._lock.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
