using StatService.Core.Ledger;
using StatService.Data.Extracts;
using StatService.Data.Ledger;

namespace StatService.Worker.Pipeline;

/// <summary>
/// The release ledger's part of the warm-up: reads and indexes the history of each extract version orders can run on
/// (the newest <see cref="AdoReleaseLedger.CachedVersions"/>, as many as the ledger keeps in memory), so the first check
/// after a restart reads only what was recorded since, as every later check does. At 10,000 releases on a 60,000-person
/// extract that read is seconds; an order arriving meanwhile waits for it at the ledger instead of reading it again.
/// </summary>
public sealed class LedgerWarmup(IReleaseLedger ledger, ExtractRegistry registry)
{
    /// <summary>The versions whose histories the warm-up reads: usable ones, oldest of them first, so the newest is kept longest.</summary>
    public IReadOnlyList<string> Versions() =>
        [.. registry.All().Select(e => e.Manifest.ExtractVersion).Take(AdoReleaseLedger.CachedVersions).Reverse()];

    /// <summary>Reads every version's history into memory; per version the releases it holds.</summary>
    public async Task<IReadOnlyList<(string Version, int Releases)>> LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var loaded = new List<(string, int)>();
        foreach (var version in Versions())
        {
            progress?.Report(version);
            var history = await ledger.EarlierReleasesAsync(version, Guid.Empty, cancellationToken);
            loaded.Add((version, history.Count));
        }

        return loaded;
    }
}
