using System.Collections.Concurrent;
using StatService.Worker.Notifications;

namespace StatService.Worker.Tests.Notifications;

/// <summary>
/// Status changes written by the test in place of orders moving through their life: the dispatcher's input.
/// Reads like the order store's history: entries after a sequence number, oldest first.
/// </summary>
internal sealed class RecordedHistory : IStatusChangeFeed
{
    private readonly ConcurrentDictionary<long, StatusChange> _changes = new();

    public StatusChange Add(StatusChange change)
    {
        _changes[change.Sequence] = change;
        return change;
    }

    public Task<IReadOnlyList<StatusChange>> ReadAfterAsync(long sequence, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StatusChange>>(
            _changes.Values.Where(c => c.Sequence > sequence).OrderBy(c => c.Sequence).Take(limit).ToList());
}
