namespace StatService.Core.Ledger;

/// <summary>
/// One published person count as the release ledger keeps it: which order released it (of which product), in which
/// table at which codes (<c>region=1081;sex=total</c>), whom it counts and the number published. Suppressed cells and
/// raw values are never recorded.
/// </summary>
public sealed record LedgerCell(Guid OrderId, string Product, string Table, string Coordinates, PersonSet PersonSet, long Value);
