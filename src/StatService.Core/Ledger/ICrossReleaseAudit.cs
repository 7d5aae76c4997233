using StatService.Core.Disclosure;

namespace StatService.Core.Ledger;

/// <summary>
/// Audits a release together with every earlier release of its extract version, over the persons they count (see the
/// release ledger section of docs/disclosure.md for the attacker model).
/// </summary>
public interface ICrossReleaseAudit
{
    /// <param name="memory">Carried between the rounds of one order's check (null: nothing carried).</param>
    CrossReleaseFindings Audit(
        ReleasePersons candidate, IReadOnlyList<RecordedRelease> earlier, DisclosurePolicy policy, AuditMemory? memory, CancellationToken cancellationToken);
}

/// <summary>
/// What the joint audit found. <see cref="Disclosures"/>: groups of 1 up to the policy's maximum persons (or hidden cells
/// that small) that this release, together with earlier ones, pins or shows to be below the threshold; each earlier
/// release alone and this release alone leave them out of reach. <see cref="ToHide"/>: published cells of this release
/// (table name, cell position) that the attacker's programs lean on; hiding them may cure the disclosures.
/// <see cref="Curable"/> is false when some disclosure leans on no published cell of this release.
/// </summary>
public sealed record CrossReleaseFindings(int Disclosures, IReadOnlyList<(string Table, int Cell)> ToHide, bool Curable, int ComparedReleases, AuditWork Work)
{
    public bool IsClean => Disclosures == 0;
}

/// <summary>
/// How much the joint audit did: releases and cells in the connected part, atoms, targets, linear programs solved, and
/// targets the program budget left undecided (a release with any is not clean). <see cref="Exhausted"/>: the order's
/// work limit is spent with targets still undecided, so no further round can show the release safe.
/// </summary>
public sealed record AuditWork(int Releases, int Cells, int Atoms, int Targets, int Programs, int Undecided, bool Exhausted = false);
