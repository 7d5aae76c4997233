namespace StatService.Core.Ledger;

/// <summary>
/// What the ledger records of one delivered release: whom its cells count and what a reader knows of them
/// (<see cref="ReleasePersons"/>), how many earlier releases it was checked against, and how many cells were hidden
/// because of them. That last number stays in the ledger: delivered, it would tell the requester that a difference with
/// an earlier release is small, which the cells' statuses do not.
/// </summary>
public sealed record LedgerRelease(
    Guid OrderId,
    string ExtractVersion,
    string Product,
    DateTimeOffset RecordedAt,
    ReleasePersons Persons,
    int ComparedReleases,
    int LedgerCells);
