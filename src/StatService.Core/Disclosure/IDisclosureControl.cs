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

    /// <param name="differencing">Cells earlier releases make sensitive (the release ledger's findings), beside the policy's own rules.</param>
    ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, DifferencingPrimaries differencing, CancellationToken cancellationToken = default);
}
