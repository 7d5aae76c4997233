using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using StatService.Core.Catalogue;
using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Core.OrderSpec;
using StatService.Core.Orders;
using StatService.Core.Tables;
using StatService.Core.Telemetry;
using StatService.Data.Extracts;
using StatService.Delivery;

namespace StatService.Worker.Pipeline;

/// <summary>
/// compile -> query -> protect -> ledger check -> render -> record, for one order. The raw tables exist only inside this
/// method; what leaves is the protected release in its delivery formats. A release of counts or sums is checked
/// against the release ledger and stored with its ledger record (<see cref="ReleaseLedgerCheck"/>); other releases are
/// stored by the runner. A null ledger (offline benchmarks, nothing is delivered) checks and records nothing; the service
/// always resolves one, so a missing registration stops it from starting instead of releasing unchecked.
/// </summary>
public sealed class OrderPipeline(
    ProductCatalogue catalogue,
    Breakdowns breakdowns,
    ExtractRegistry extracts,
    ExtractQueryRunner queries,
    IDisclosureControl disclosure,
    TimeProvider time,
    IReleaseLedger? ledger,
    ICrossReleaseAudit? crossReleaseAudit = null,
    RecordKeySecret? recordKeys = null) : IOrderPipeline
{
    public async Task<OrderDelivery> RunAsync(Order order, CancellationToken cancellationToken)
    {
        var product = catalogue.Find(order.Product)
            ?? throw new OrderRejectedException($"The product '{order.Product}' is no longer offered.");
        var parameters = CohortParametersJson.Deserialize(order.ParametersJson);
        var version = order.ExtractVersion ?? parameters.ExtractVersion;
        if (version is not null && extracts.WithdrawalOf(version) is { } withdrawn)
        {
            throw new OrderRejectedException(withdrawn.ToString());
        }

        var extract = (version is { } named ? extracts.Find(named) : extracts.Newest())
            ?? throw new OrderRejectedException("The register extract for this order is not available.");

        // 1. compile and 2. query: values bound as parameters, the SQL text is the product's own. Then the zeros inside small
        // groups, which may query the order again with one restriction lifted.
        IReadOnlyList<CountTable> tables;
        DifferencingPrimaries zeroGroups;
        var policy = product.PolicyFor(parameters);
        var checkedAcrossReleases = ledger is not null && ReleaseLedgerCheck.Applies(parameters.Measure);
        try
        {
            // A query that counts variants counts the attribute relaxations the zero-group check may need in the same pass.
            var variants = ZeroGroupsApply(policy, parameters) && product.CountsVariants
                ? CohortRelaxations.Of(parameters, product.FixedOccurrence is not null).Where(r => r.Lift is not null).ToList()
                : [];
            var queried = await QueryVariantsAsync(product, parameters, variants, breakdowns, queries, extract.Version, cancellationToken, recordKeys?.Pads, checkedAcrossReleases);
            tables = queried.Order;
            zeroGroups = await ZeroGroupsAsync(product, parameters, breakdowns, queries, extract.Version, tables, policy, cancellationToken, queried.Variants);
        }
        catch (ExtractWithdrawnException withdrawnNow)
        {
            throw new OrderRejectedException(withdrawnNow.Message);
        }

        // 3. protect: the release's tables together (linked tables); nothing is delivered unless the audit passed.
        if (!zeroGroups.IsEmpty)
        {
            // a hidden zero must look like a few persons: a reader may not assume a hidden cell holds anyone
            policy = policy with { ZerosMayBeHidden = true };
        }

        if (checkedAcrossReleases)
        {
            // ... and with every earlier release of the extract version (the ledger); 4. render; 5. record with the result.
            var candidate = new ReleaseUnderCheck(order.Id, product.Id, extract.Version, tables, policy) { Context = MeasureContext.Of(parameters) };
            var audit = crossReleaseAudit ?? throw new InvalidOperationException("A release ledger needs its cross-release audit.");
            return await new ReleaseLedgerCheck(ledger!, audit, time).ProtectAndRecordAsync(
                candidate, zeroGroups, (checkedPolicy, differencing) => Protect(tables, checkedPolicy, differencing, cancellationToken),
                release => Render(order, product, parameters, extract.Version, release), cancellationToken);
        }

        // 4. render.
        return Render(order, product, parameters, extract.Version, Protect(tables, policy, zeroGroups, cancellationToken));
    }

    private OrderDelivery Render(Order order, ProductDefinition product, CohortParameters parameters, string extractVersion, ProtectedRelease release)
    {
        if (product.Rates.Count > 0)
        {
            release = WithRates(release, RateTables.Derive(release.Tables, product.Rates, ProductYears.Of(parameters.Period)));
        }

        var metadata = new ReleaseMetadata(order.Id, product.Id, order.ParametersJson, extractVersion, parameters.Measure, time.GetUtcNow());
        return new OrderDelivery(extractVersion, ResultJsonWriter.Write(metadata, release), ResultCsvWriter.Write(release));
    }

    /// <summary>Runs the product's query and builds its tables, every margin verified (see <see cref="ReleaseTableBuilder"/>).</summary>
    public static async Task<IReadOnlyList<CountTable>> QueryTablesAsync(
        ProductDefinition product, CohortParameters parameters, Breakdowns breakdowns, ExtractQueryRunner queries, string extractVersion,
        CancellationToken cancellationToken, RecordKeyPads? recordKeys = null, bool personSets = false) =>
        (await QueryVariantsAsync(product, parameters, [], breakdowns, queries, extractVersion, cancellationToken, recordKeys, personSets)).Order;

    /// <summary>
    /// As <see cref="QueryTablesAsync"/>, and where the product's query counts variants (<see cref="ProductDefinition.CountsVariants"/>),
    /// the tables of each of <paramref name="variants"/> (attribute relaxations) from the same pass; otherwise none.
    /// </summary>
    public static async Task<QueriedTables> QueryVariantsAsync(
        ProductDefinition product, CohortParameters parameters, IReadOnlyList<CohortRelaxation> variants, Breakdowns breakdowns, ExtractQueryRunner queries,
        string extractVersion, CancellationToken cancellationToken, RecordKeyPads? recordKeys = null, bool personSets = false)
    {
        var lifts = product.CountsVariants ? variants.Select(v => v.Lift ?? throw new ArgumentException("Only attribute relaxations are counted as variants.", nameof(variants))).ToList() : [];
        var rows = await queries.RunAsync(
            extractVersion, product.QueryFile, product.Sql, CohortQueryParameters.For(parameters, product, breakdowns, recordKeys, personSets, lifts), cancellationToken);
        if (!product.CountsVariants)
        {
            return new QueriedTables(ReleaseTableBuilder.Build(product, parameters, breakdowns, ToTableRows(rows, personSets)), []);
        }

        var variant = rows.Ordinal("variant");
        QueryRows Of(int v) => rows with { Rows = [.. rows.Rows.Where(row => Convert.ToInt32(row[variant], CultureInfo.InvariantCulture) == v)] };
        var order = ReleaseTableBuilder.Build(product, parameters, breakdowns, ToTableRows(Of(0), personSets));
        var counted = new List<(CohortRelaxation, IReadOnlyList<CountTable>)>();
        for (var v = 0; v < lifts.Count; v++)
        {
            counted.Add((variants[v], ReleaseTableBuilder.Build(product, variants[v].Order, breakdowns, ToTableRows(Of(v + 1), personSets: false))));
        }

        return new QueriedTables(order, counted);
    }

    /// <summary>Whether zeros inside small groups are looked for: counts of persons under suppression, zeros published.</summary>
    private static bool ZeroGroupsApply(DisclosurePolicy policy, CohortParameters parameters) =>
        policy.Method == DisclosureMethod.Suppression && parameters.Measure == Measures.Persons && !policy.ZerosSensitive;

    /// <summary>
    /// Zeros inside a group of 1-4 persons (<see cref="ZeroGroupPrimaries"/>): in their own table's margins, or in the
    /// order with one restriction lifted (<see cref="CohortRelaxations"/>), queried only while some zero is left open
    /// (relaxations the order's own query already counted as variants are not queried again).
    /// Counts of persons under suppression only: rounding and cell keys never publish a small count as itself.
    /// </summary>
    public static async Task<DifferencingPrimaries> ZeroGroupsAsync(
        ProductDefinition product, CohortParameters parameters, Breakdowns breakdowns, ExtractQueryRunner queries, string extractVersion,
        IReadOnlyList<CountTable> tables, DisclosurePolicy policy, CancellationToken cancellationToken,
        IReadOnlyList<(CohortRelaxation Relaxation, IReadOnlyList<CountTable> Tables)>? counted = null)
    {
        if (!ZeroGroupsApply(policy, parameters) || !ZeroGroupPrimaries.HasZeros(tables))
        {
            return DifferencingPrimaries.None;
        }

        bool EmptyByDefinition(CountTable table, int cell) => CohortRelaxations.EmptyByDefinition(parameters, table, cell);
        var found = ZeroGroupPrimaries.Find(tables, [], policy, EmptyByDefinition);
        if (found.Cells.Count == ZeroGroupPrimaries.CandidateCount(tables, EmptyByDefinition))
        {
            return found;
        }

        var relaxations = CohortRelaxations.Of(parameters, product.FixedOccurrence is not null);
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("disclosure.zero_groups");
        activity?.SetTag("statservice.relaxations", relaxations.Count);
        var relaxed = new List<IReadOnlyList<CountTable>>();
        var queried = 0;
        foreach (var relaxation in relaxations)
        {
            if (relaxation.Lift is { } lift && counted?.FirstOrDefault(c => c.Relaxation.Lift == lift).Tables is { } already)
            {
                relaxed.Add(already);
                continue;
            }

            queried++;
            relaxed.Add(await QueryTablesAsync(product, relaxation.Order, breakdowns, queries, extractVersion, cancellationToken));
        }

        activity?.SetTag("statservice.relaxations_queried", queried);
        return ZeroGroupPrimaries.Find(tables, relaxed, policy, EmptyByDefinition);
    }

    private ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, DifferencingPrimaries differencing, CancellationToken cancellationToken)
    {
        using var activity = StatServiceTelemetry.ActivitySource.StartActivity("disclosure.protect");
        activity?.SetTag("statservice.cells", tables.Sum(t => t.CellCount));
        activity?.SetTag("statservice.tables", tables.Count);
        var started = Stopwatch.GetTimestamp();
        var release = disclosure.Protect(tables, policy, differencing, cancellationToken);
        StatServiceTelemetry.ProtectDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        activity?.SetTag("statservice.suppressed", release.Summary.SuppressedCells);
        return release;
    }

    /// <summary>
    /// Adds rate tables derived from the protected counts; their hidden cells follow from hidden counts, so
    /// they are reported as secondary in the information loss, and the release's own summary is unchanged.
    /// </summary>
    private static ProtectedRelease WithRates(ProtectedRelease release, IReadOnlyList<ProtectedTable> rates)
    {
        var loss = release.Summary.Loss is { } known
            ? known with
            {
                Tables = [.. known.Tables, .. rates.Select(r => new TableLoss(r.Table.Name, r.Table.CellCount, 0, r.SuppressedCount, 0, null))],
            }
            : null;
        return release with { Tables = [.. release.Tables, .. rates], Summary = release.Summary with { Loss = loss } };
    }

    /// <summary>The query's long-format rows: tbl, d1, d2, d3, value, top.</summary>
    private static List<TableRow> ToTableRows(QueryRows rows, bool personSets)
    {
        int table = rows.Ordinal("tbl"), value = rows.Ordinal("value"), top = rows.Ordinal("top");
        var keySum = rows.Columns.Contains("key_sum", StringComparer.Ordinal) ? rows.Ordinal("key_sum") : -1;
        var persons = rows.Columns.Contains("persons", StringComparer.Ordinal) ? rows.Ordinal("persons") : -1;
        var personValues = rows.Columns.Contains("person_values", StringComparer.Ordinal) ? rows.Ordinal("person_values") : -1;
        int[] codes = [rows.Ordinal("d1"), rows.Ordinal("d2"), rows.Ordinal("d3")];
        return rows.Rows
            .Select(row =>
            {
                var contributions = personSets && personValues >= 0 ? Contributions(row[personValues]) : null;
                return new TableRow(
                    (string)row[table]!,
                    codes.Select(c => (string?)row[c]).ToArray(),
                    Whole(row[value]),
                    row[top] is IEnumerable list and not string ? list.Cast<object?>().Where(x => x is not null).Select(Whole).ToArray() : null)
                {
                    KeySum = keySum >= 0 && row[keySum] is { } key ? (uint)Convert.ToUInt64(key, CultureInfo.InvariantCulture) : null,
                    Persons = contributions?.Persons ?? (personSets && persons >= 0 && row[persons] is IEnumerable places and not string
                        ? places.Cast<object?>().Where(x => x is not null).Select(x => Convert.ToInt32(x, CultureInfo.InvariantCulture)).ToArray()
                        : null),
                    PersonValues = contributions?.Values,
                };
            })
            .ToList();
    }

    /// <summary>A magnitude cell's [place, value] pairs (<c>person_values</c>) as places and values in one order; null for counts.</summary>
    private static (int[] Persons, long[] Values)? Contributions(object? pairs)
    {
        if (pairs is not IEnumerable list || pairs is string)
        {
            return null;
        }

        var read = list.Cast<object?>().OfType<IEnumerable>().Select(p => p.Cast<object?>().Select(Whole).ToArray()).ToArray();
        return ([.. read.Select(p => checked((int)p[0]))], [.. read.Select(p => p[1])]);
    }

    private static long Whole(object? value) => value switch
    {
        null => 0,
        BigInteger big => (long)big,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };
}
