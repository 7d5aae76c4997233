namespace StatService.Core.Ledger;

/// <summary>An earlier release of an extract version, as the ledger hands it to a check: whose it was and whom it counted.</summary>
public sealed record RecordedRelease(Guid OrderId, ReleasePersons Persons);
