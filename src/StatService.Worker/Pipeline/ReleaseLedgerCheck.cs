using System.Diagnostics;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;
using StatService.Core.Tables;
using StatService.Core.Telemetry;

namespace StatService.Worker.Pipeline;

/// <summary>
/// The ledger check (step 3) and the record (step 5) of a release: the protected release is audited together with every
/// earlier release of the extract version over the persons they count (<see cref="ICrossReleaseAudit"/>); published cells
/// the attacker's programs lean on become primary suppressions and the release is protected again, until the joint audit
/// passes or the order is refused. The release is stored with its ledger record in one transaction. Check and record are
/// serialised per extract version, so two orders never both pass against a ledger holding neither; the lock is held
/// briefly: the release is audited against a snapshot first, and again under the lock only when releases were recorded
/// meanwhile.
/// </summary>
public sealed class ReleaseLedgerCheck(IReleaseLedger ledger, ICrossReleaseAudit audit, TimeProvider time)
{
    /// <summary>Protections of one release before the order is refused.</summary>
    public const int MaxRounds = 8;

    /// <summary>What a requester reads when no pattern protects the release; it names no numbers and no other order.</summary>
    public const string RejectionReason =
        "The order cannot be delivered: together with numbers released earlier from the same register extract, its tables would " +
        "reveal a group too small to publish, and hiding cells cannot prevent it. Different criteria or breakdowns may help.";

    /// <summary>
    /// What a requester reads when the check's work limit is spent before the release is shown safe: many releases already
    /// count the same persons. It names no numbers and no other order.
    /// </summary>
    public const string WorkLimitReason =
        "The order cannot be delivered: many numbers have already been released about the same persons from this register " +
        "extract, and its tables cannot be shown safe together with them within the check's work limit. Fewer breakdowns, " +
        "another group of persons or a new extract version may help.";

    /// <summary>The history's note on a delivery the ledger narrowed: for the caseworker and the requester, with no numbers.</summary>
    public const string NarrowedNote =
        "Delivered with more cells hidden than the order alone would need: together with numbers released earlier from the same " +
        "register extract, they would have revealed a group too small to publish.";

    /// <summary>
    /// Releases the ledger covers: counts of persons under every method, and sums (contacts, dispensings, DDD), audited
    /// apart from the counts and only with sums of the same quantity.
    /// </summary>
    public static bool Applies(string measure) => Measures.All.Contains(measure, StringComparer.Ordinal);

    /// <param name="sensitive">Cells the release itself makes primaries beyond the policy's rules (zeros inside small groups).</param>
    /// <param name="protect">Protects the release's tables under a policy, with the cells the ledger found sensitive.</param>
    /// <param name="render">Renders the deliverables of a protected release.</param>
    public async Task<OrderDelivery> ProtectAndRecordAsync(
        ReleaseUnderCheck candidate, DifferencingPrimaries sensitive, Func<DisclosurePolicy, DifferencingPrimaries, ProtectedRelease> protect,
        Func<ProtectedRelease, OrderDelivery> render, CancellationToken cancellationToken)
    {
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("release.ledger");
        var (orderId, version, policy) = (candidate.OrderId, candidate.ExtractVersion, candidate.Policy);
        ProtectedRelease? alone = null;
        var memory = new AuditMemory();
        var tableIndex = candidate.Tables.Select((t, i) => (t.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var earlier = await ledger.EarlierReleasesAsync(version, orderId, cancellationToken);
        var needs = sensitive;
        for (var round = 1; round <= MaxRounds; round++)
        {
            ProtectedRelease release;
            try
            {
                release = protect(policy, needs);
            }
            catch (DisclosureException) when (alone is not null)
            {
                if (policy.ZerosMayBeHidden && !policy.ZerosSensitive)
                {
                    // Zeros as complements left some relation no safe pattern: hide every zero instead (zeros sensitive).
                    policy = policy with { ZerosMayBeHidden = false, ZerosSensitive = true };
                    continue;
                }

                // The ledger's cells (or zeros) left the table no safe pattern: as for any pattern that fails the ledger.
                break;
            }

            alone ??= release;
            var persons = ReleasePersonsBuilder.Build(candidate.Tables, release, policy, candidate.Context);
            var findings = Audit(persons, earlier, policy, memory, cancellationToken, activity);
            if (findings.IsClean)
            {
                await using var session = await ledger.BeginAsync(version, cancellationToken);
                var latest = await session.EarlierReleasesAsync(orderId, cancellationToken);
                if (latest.Count != earlier.Count)
                {
                    // Releases recorded since the snapshot: audit again, now that none can be recorded meanwhile.
                    earlier = latest;
                    findings = Audit(persons, earlier, policy, memory, cancellationToken, activity);
                }

                if (findings.IsClean)
                {
                    var compared = findings.ComparedReleases;
                    var hiddenForLedger = HiddenBeyond(alone, release);
                    activity?.SetTag("statservice.ledger.compared", compared);
                    activity?.SetTag("statservice.ledger.hidden_cells", hiddenForLedger);
                    var delivery = render(release with { Summary = release.Summary with { EarlierReleasesCompared = earlier.Count } });
                    var record = new LedgerRelease(orderId, version, candidate.Product, time.GetUtcNow(), persons, earlier.Count, hiddenForLedger);
                    var stored = await session.CommitAsync(new OrderResult(orderId, delivery.Json, delivery.Csv, time.GetUtcNow()), record, cancellationToken);
                    return delivery with { Json = stored.Json, Csv = stored.Csv, Stored = true, NarrowedByLedger = hiddenForLedger > 0 || policy.HiddenMayBeZero != candidate.Policy.HiddenMayBeZero };
                }
            }

            if (findings.Work.Exhausted)
            {
                activity?.SetStatus(ActivityStatusCode.Error, "ledger work limit");
                throw new OrderRejectedException(WorkLimitReason);
            }

            if (policy.Method != DisclosureMethod.Suppression)
            {
                break;
            }

            if (!findings.Curable)
            {
                if (policy.HiddenMayBeZero)
                {
                    break;
                }

                // What no published cell explains is pinned by hidden cells' floors: where zeros are published, a hidden
                // cell counts at least one person, and next to earlier totals that can pin a group. Letting the protection
                // hide zeros as complements takes the floors away (the release says so). Zeros are not made primaries: that
                // would protect every empty cell as if it were small, at many more hidden cells and much more solver work.
                policy = policy with { ZerosMayBeHidden = true };
                continue;
            }

            var added = new DifferencingPrimaries([.. findings.ToHide.Select(c => new DifferencingPrimary(tableIndex[c.Table], c.Cell, null, null))]);
            if (needs.Covers(added))
            {
                break;
            }

            needs = needs.Union(added);
        }

        activity?.SetStatus(ActivityStatusCode.Error, "ledger");
        throw new OrderRejectedException(RejectionReason);
    }

    /// <summary>Cells hidden in <paramref name="delivered"/> that the release protected alone publishes.</summary>
    private static int HiddenBeyond(ProtectedRelease alone, ProtectedRelease delivered) =>
        alone.Tables.Zip(delivered.Tables).Sum(p => p.First.Status.Zip(p.Second.Status).Count(s => s.First != CellStatus.Suppressed && s.Second == CellStatus.Suppressed));

    private CrossReleaseFindings Audit(
        ReleasePersons persons, IReadOnlyList<RecordedRelease> earlier, DisclosurePolicy policy, AuditMemory memory, CancellationToken cancellationToken,
        Activity? activity)
    {
        var started = Stopwatch.GetTimestamp();
        var findings = audit.Audit(persons, earlier, policy, memory, cancellationToken);
        StatServiceTelemetry.LedgerAuditDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        activity?.SetTag("statservice.ledger.atoms", findings.Work.Atoms);
        activity?.SetTag("statservice.ledger.programs", findings.Work.Programs);
        activity?.SetTag("statservice.ledger.disclosures", findings.Disclosures);
        return findings;
    }
}
