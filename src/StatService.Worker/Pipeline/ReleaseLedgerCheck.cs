using System.Diagnostics;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Core.Orders;
using StatService.Core.Tables;
using StatService.Core.Telemetry;

namespace StatService.Worker.Pipeline;

/// <summary>
/// The ledger check (step 3) and the record (step 5) of a release of exact person counts: the cells that would disclose
/// a small group by difference with a count published earlier on the same extract version become primary suppressions,
/// the release is protected with them, verified against the ledger, and stored with its ledger record in one transaction.
/// Check and record are serialised per extract version, so two orders never both pass against a ledger holding neither.
/// The lock is held briefly: the release is protected against a snapshot first, and only when releases recorded
/// meanwhile make more cells sensitive is it protected again (after a few such rounds, under the lock).
/// </summary>
public sealed class ReleaseLedgerCheck(IReleaseLedger ledger, TimeProvider time)
{
    /// <summary>Protections against a snapshot before the last one runs holding the lock.</summary>
    public const int OptimisticRounds = 3;

    /// <summary>What a requester reads when no pattern protects the differences; it names no numbers and no other order.</summary>
    public const string RejectionReason =
        "The order cannot be delivered: together with numbers released earlier from the same register extract, its tables would " +
        "reveal a group too small to publish, and hiding cells cannot prevent it. Different criteria or breakdowns may help.";

    /// <summary>Releases the ledger covers: suppression publishes exact counts, and only counts of persons can be differenced.</summary>
    public static bool Applies(DisclosurePolicy policy, CohortParameters parameters) =>
        policy.Method == DisclosureMethod.Suppression && parameters.Measure == Measures.Persons;

    /// <param name="protect">Protects the release's tables under a policy (the product's, with the differencing cells added).</param>
    /// <param name="render">Renders the deliverables of a protected release.</param>
    public async Task<OrderDelivery> ProtectAndRecordAsync(
        ReleaseUnderCheck candidate, Func<DisclosurePolicy, ProtectedRelease> protect, Func<ProtectedRelease, OrderDelivery> render,
        CancellationToken cancellationToken)
    {
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("release.ledger");
        var (orderId, version, policy) = (candidate.OrderId, candidate.ExtractVersion, candidate.Policy);
        var contexts = candidate.PersonSets.SelectMany(t => t).OfType<PersonSet>().Select(s => s.Context).Distinct(StringComparer.Ordinal).ToArray();
        var needs = Needs(candidate, await ledger.EarlierCellsAsync(version, contexts, orderId, cancellationToken));
        ProtectedRelease? release = null;
        for (var round = 1; ; round++)
        {
            release ??= protect(With(policy, needs));
            await using var session = await ledger.BeginAsync(version, cancellationToken);
            var earlier = await session.EarlierCellsAsync(contexts, orderId, cancellationToken);
            var current = Needs(candidate, earlier);
            if (!needs.Covers(current))
            {
                // Releases recorded since the snapshot make more cells sensitive.
                needs = needs.Union(current);
                release = null;
                if (round < OptimisticRounds)
                {
                    continue;
                }

                release = protect(With(policy, needs));
            }

            if (DifferencingCheck.Verify(release, candidate.PersonSets, earlier, policy) is { Count: > 0 } findings)
            {
                activity?.SetTag("statservice.ledger.findings", findings.Count);
                activity?.SetStatus(ActivityStatusCode.Error, "differencing");
                throw new OrderRejectedException(RejectionReason);
            }

            var compared = DifferencingCheck.ComparedReleases(earlier);
            var hiddenForEarlier = needs.Cells.Count(c => !policy.IsSensitiveCount(candidate.Tables[c.Table].Values[c.Cell]));
            activity?.SetTag("statservice.ledger.compared", compared);
            activity?.SetTag("statservice.ledger.differencing_cells", hiddenForEarlier);
            var delivery = render(release with { Summary = release.Summary with { EarlierReleasesCompared = compared } });
            var record = new LedgerRelease(orderId, version, candidate.Product, time.GetUtcNow(), Published(candidate, release), compared, hiddenForEarlier);
            var stored = await session.CommitAsync(new OrderResult(orderId, delivery.Json, delivery.Csv, time.GetUtcNow()), record, cancellationToken);
            return delivery with { Json = stored.Json, Csv = stored.Csv, Stored = true };
        }
    }

    private static DifferencingPrimaries Needs(ReleaseUnderCheck candidate, IReadOnlyList<LedgerCell> earlier) =>
        DifferencingCheck.Needs(candidate.Tables, candidate.PersonSets, earlier, candidate.Policy);

    private static DisclosurePolicy With(DisclosurePolicy policy, DifferencingPrimaries needs) =>
        needs.IsEmpty ? policy : policy with { Differencing = needs };

    /// <summary>The release's published person counts, as the ledger records them.</summary>
    private static List<LedgerCell> Published(ReleaseUnderCheck candidate, ProtectedRelease release)
    {
        var cells = new List<LedgerCell>();
        for (var t = 0; t < candidate.PersonSets.Length; t++)
        {
            var table = release.Tables[t];
            for (var cell = 0; cell < table.Table.CellCount; cell++)
            {
                if (candidate.PersonSets[t][cell] is { } set && table.PublishedValue(cell) is { } value)
                {
                    cells.Add(new LedgerCell(candidate.OrderId, candidate.Product, table.Table.Name, Coordinates(table.Table, cell), set, value));
                }
            }
        }

        return cells;
    }

    /// <summary><c>region=1081;sex=total</c>; empty for a table without dimensions.</summary>
    private static string Coordinates(CountTable table, int cell) =>
        string.Join(';', table.Dimensions.Select((d, i) => $"{d.Name}={d.Codes[table.CodeIndex(cell, i)].Code}"));
}
