using StatService.Core.Ledger;
using StatService.Core.Orders;

namespace StatService.Cli.Commands;

/// <summary>
/// The release ledger in memory for the benchmark: records are kept in their stored (encoded) form and decoded once, as
/// the order store does, so storage per release is the store's. Sessions are serialised like the store's.
/// </summary>
internal sealed class MemoryLedger : IReleaseLedger
{
    private readonly List<(Guid Order, string Version, byte[] Payload, ReleasePersons Persons)> _records = [];
    private readonly SemaphoreSlim _lock = new(1, 1);

    public long StoredBytes => _records.Sum(r => (long)r.Payload.Length);

    public int Count => _records.Count;

    public Task<IReadOnlyList<RecordedRelease>> EarlierReleasesAsync(string extractVersion, Guid excludedOrder, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordedRelease>>([.. _records.Where(r => r.Version == extractVersion && r.Order != excludedOrder).Select(r => new RecordedRelease(r.Order, r.Persons))]);

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
            ledger._records.Add((release.OrderId, version, payload, ReleasePersonsCodec.Decode(payload)));
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
