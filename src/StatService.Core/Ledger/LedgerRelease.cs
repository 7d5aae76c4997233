namespace StatService.Core.Ledger;

/// <summary>
/// What the ledger records of one delivered release: its published person counts, how many earlier releases they were
/// compared with, and how many cells were suppressed because of them. That last number stays in the ledger: delivered,
/// it would tell the requester that a difference with an earlier release is small, which the cells' statuses do not.
/// </summary>
public sealed record LedgerRelease(
    Guid OrderId,
    string ExtractVersion,
    string Product,
    DateTimeOffset RecordedAt,
    IReadOnlyList<LedgerCell> Cells,
    int ComparedReleases,
    int DifferencingCells);
