using StatService.Core.Tables;

namespace StatService.Core.Disclosure;

/// <summary>
/// Protects the tables of one release together (linked tables). Implementations must audit the
/// result and must never return a release whose audit failed: they suppress more, or throw
/// <see cref="DisclosureException"/>.
/// </summary>
public interface IDisclosureControl
{
    ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, CancellationToken cancellationToken = default);
}
