namespace StatService.Core.Disclosure;

/// <summary>
/// The audit of a release, cell by cell. Derived from published cells only (never from the true
/// values), so it may be delivered with the release.
/// </summary>
public sealed record AuditReport(IReadOnlyList<SuppressedCellBounds> Cells);
