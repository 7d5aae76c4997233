using System.Collections.Concurrent;
using StatService.Core.Catalogue;

namespace StatService.Data.Extracts;

/// <summary>
/// The extract versions in the extracts folder: every sub-folder with a manifest, Parquet or DuckDB.
/// A folder without a manifest, or whose name starts with '.' (an import at work), is still being
/// written and is ignored. The newest is the one created last. A version whose files fail their check
/// (<see cref="ExtractIntegrity"/>) is withdrawn: no longer listed, found or run on, until its files pass again.
/// </summary>
public sealed class ExtractRegistry(string directory) : IExtractRegistry
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, ExtractFault> _withdrawn = new(StringComparer.Ordinal);
    private (DateTime ScannedAt, IReadOnlyList<(ExtractManifest Manifest, string Folder)> Extracts) _cache;

    public string Directory { get; } = directory;

    public ExtractInfo? Newest() => All().Select(e => Info(e.Manifest)).FirstOrDefault();

    public ExtractInfo? Find(string version) =>
        All().Where(e => e.Manifest.ExtractVersion == version).Select(e => Info(e.Manifest)).FirstOrDefault();

    /// <summary>The folder of a version, withdrawn or not, or null when it does not exist.</summary>
    public string? FolderOf(string version) =>
        Scan().Where(e => e.Manifest.ExtractVersion == version).Select(e => e.Folder).FirstOrDefault();

    /// <summary>The versions orders can use, newest first (withdrawn ones left out).</summary>
    public IReadOnlyList<(ExtractManifest Manifest, string Folder)> All() =>
        _withdrawn.IsEmpty ? Scan() : Scan().Where(e => !_withdrawn.ContainsKey(e.Manifest.ExtractVersion)).ToArray();

    /// <summary>The withdrawn versions, each with the file and problem that withdrew it.</summary>
    public IReadOnlyList<ExtractFault> Withdrawn => [.. _withdrawn.Values.OrderBy(f => f.Version, StringComparer.Ordinal)];

    public ExtractFault? WithdrawalOf(string version) => _withdrawn.GetValueOrDefault(version);

    public void Withdraw(ExtractFault fault) => _withdrawn[fault.Version] = fault;

    /// <summary>The version's files pass again (restored from a backup, say).</summary>
    public bool Reinstate(string version) => _withdrawn.TryRemove(version, out _);

    /// <summary>Every version with a manifest, withdrawn or not, newest first.</summary>
    public IReadOnlyList<(ExtractManifest Manifest, string Folder)> Scan()
    {
        lock (_gate)
        {
            // A short cache: validation asks on every order, new extracts appear rarely.
            if (_cache.Extracts is not null && DateTime.UtcNow - _cache.ScannedAt < TimeSpan.FromSeconds(2))
            {
                return _cache.Extracts;
            }

            var extracts = System.IO.Directory.Exists(Directory)
                ? System.IO.Directory.EnumerateDirectories(Directory)
                    .Where(folder => !Path.GetFileName(folder).StartsWith('.') && File.Exists(Path.Combine(folder, ExtractManifest.FileName)))
                    .Select(folder => (Manifest: ExtractManifest.Read(folder), Folder: folder))
                    .OrderByDescending(e => e.Manifest.CreatedAt)
                    .ThenByDescending(e => e.Manifest.ExtractVersion, StringComparer.Ordinal)
                    .ToArray()
                : [];
            _cache = (DateTime.UtcNow, extracts);
            return extracts;
        }
    }

    /// <summary>Forget the cached scan, e.g. right after an extract was written.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            _cache = default;
        }
    }

    private static ExtractInfo Info(ExtractManifest manifest) =>
        new(manifest.ExtractVersion, manifest.CoverageFrom, manifest.CoverageTo);
}
