using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Protects a release with the method its policy names: cell suppression (threshold and dominance primaries,
/// secondary suppression, linear-programming audit), OpenSAFELY-style rounding, or cell-key perturbation. Every
/// method's result is checked before it is returned, the information-loss report is attached, and the released
/// tables carry neither contributions nor cell keys.
/// </summary>
public sealed class ReleaseProtection : IDisclosureControl
{
    private readonly SuppressionEngine _suppression = new();

    /// <summary>
    /// A release with cells that earlier releases make sensitive always gets its exact bounds: the ledger check reads them
    /// to confirm that each difference with an earlier release can still reach the threshold.
    /// </summary>
    private readonly SuppressionEngine _suppressionWithBounds = new() { BoundsCellLimit = int.MaxValue };

    public ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, CancellationToken cancellationToken = default) =>
        Protect(tables, policy, DifferencingPrimaries.None, cancellationToken);

    public ProtectedRelease Protect(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, DifferencingPrimaries differencing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(differencing);
        if (!differencing.IsEmpty && policy.Method != DisclosureMethod.Suppression)
        {
            // Only exact published counts can be differenced; rounding and noise are not checked against earlier releases.
            throw new DisclosureException($"Cells made sensitive by earlier releases need suppression, not {policy.Method}.");
        }

        return policy.Method switch
        {
            DisclosureMethod.Suppression => Suppress(tables, policy, differencing, cancellationToken),
            DisclosureMethod.Rounding => Round(tables, policy),
            DisclosureMethod.CellKey => Perturb(tables, policy),
            _ => throw new DisclosureException($"Unknown disclosure method '{policy.Method}'."),
        };
    }

    private ProtectedRelease Suppress(IReadOnlyList<CountTable> tables, DisclosurePolicy policy, DifferencingPrimaries differencing, CancellationToken cancellationToken)
    {
        var dominance = DominanceSensitivity.ForRelease(tables, policy.Dominance);
        var engine = differencing.IsEmpty ? _suppression : _suppressionWithBounds;
        var release = engine.Protect(tables, policy, new ReleaseSensitivity(dominance, differencing), cancellationToken);
        var primary = tables.Select((table, t) => table.Values
            .Select((value, cell) => PrimarySuppression.IsSensitive(value, policy) || dominance?.Contains(t, cell) == true
                || differencing.Contains(t, cell))
            .ToArray()).ToArray();

        // The suppression must honour every primary; a published one would be a disclosure, so nothing is released.
        for (var t = 0; t < tables.Count; t++)
        {
            for (var cell = 0; cell < tables[t].CellCount; cell++)
            {
                if (primary[t][cell] && release.Tables[t].Status[cell] != CellStatus.Suppressed)
                {
                    throw new DisclosureException($"Table '{tables[t].Name}': a sensitive cell was left published; nothing was released.");
                }
            }
        }

        var released = release.Tables.Select(p => new ProtectedTable(WithoutMicrodata(p.Table), p.Status)).ToArray();
        var summary = release.Summary with
        {
            Method = DisclosureMethod.Suppression,
            Loss = ReleaseLossReport.For(tables, released, primary, DisclosureMethod.Suppression),
        };
        return new ProtectedRelease(released, summary) { Audit = release.Audit };
    }

    private static ProtectedRelease Round(IReadOnlyList<CountTable> tables, DisclosurePolicy policy)
    {
        var rounding = RoundingProtection.From(policy.Rounding);
        var released = new ProtectedTable[tables.Count];
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            EnsureCounts(table, "rounding");
            released[t] = rounding.Protect(table);
            if (!RoundingAudit.Passes(table, released[t], rounding))
            {
                throw new DisclosureException($"Table '{table.Name}' failed the rounding check; nothing was released.");
            }
        }

        return Summarise(tables, released, policy, additive: true);
    }

    private static ProtectedRelease Perturb(IReadOnlyList<CountTable> tables, DisclosurePolicy policy)
    {
        var perturbation = new CellKeyPerturbation(policy);
        var released = new ProtectedTable[tables.Count];
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            EnsureCounts(table, "cell-key perturbation");
            released[t] = perturbation.Protect(table);
            if (!CellKeyAudit.Passes(table, released[t], perturbation))
            {
                throw new DisclosureException($"Table '{table.Name}' failed the cell-key check; nothing was released.");
            }
        }

        if (!CellKeyAudit.LinkedCellsAgree(tables, released))
        {
            throw new DisclosureException("Linked tables show a cell they share with different keys or noise; nothing was released.");
        }

        return Summarise(tables, released, policy, additive: false);
    }

    /// <summary>Rounding and noise have no complementary cells: every hidden cell is hidden for its own (redacted or small) value.</summary>
    private static ProtectedRelease Summarise(IReadOnlyList<CountTable> tables, ProtectedTable[] released, DisclosurePolicy policy, bool additive)
    {
        var hidden = released.Select(r => r.Status.Select(s => s == CellStatus.Suppressed).ToArray()).ToArray();
        var suppressed = hidden.Sum(h => h.Count(s => s));
        var summary = new DisclosureSummary(policy.Describe(), policy.Name, suppressed, 0, suppressed)
        {
            Method = policy.Method,
            Additive = additive,
            Loss = ReleaseLossReport.For(tables, released, hidden, policy.Method),
        };
        return new ProtectedRelease(released, summary);
    }

    private static void EnsureCounts(CountTable table, string method)
    {
        if (table.Contributions is not null)
        {
            throw new DisclosureException($"Table '{table.Name}' is a magnitude table; {method} protects counts, use suppression with dominance rules.");
        }

        if (table.Values.Any(v => v < 0))
        {
            throw new DisclosureException($"Table '{table.Name}' has negative counts; it cannot be protected.");
        }
    }

    /// <summary>The table as it may leave the worker: values and structure only.</summary>
    private static CountTable WithoutMicrodata(CountTable table) =>
        new(table.Name, table.Dimensions, table.Values) { LinkGroup = table.LinkGroup, Additive = table.Additive };
}
