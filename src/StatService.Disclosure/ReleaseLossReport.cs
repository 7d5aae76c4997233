using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Builds the information-loss report of a release from the true tables and what is released of them. The share of
/// the grand total hidden is given only where the published table implies it anyway (exact published values, an
/// additive table and a published grand total: hidden = grand total - published inner cells); a rounded or perturbed
/// table, or one whose grand total is hidden, would otherwise reveal how much its hidden cells hold.
/// </summary>
public static class ReleaseLossReport
{
    /// <summary>The grand total: every dimension at its root code, which is code 0.</summary>
    private const int GrandTotalCell = 0;

    public static ReleaseLoss For(IReadOnlyList<CountTable> truth, IReadOnlyList<ProtectedTable> released, IReadOnlyList<bool[]> primary, DisclosureMethod method)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(primary);
        var tables = new TableLoss[truth.Count];
        long hiddenSum = 0, grandSum = 0;
        var shareKnown = truth.Count > 0;
        for (var t = 0; t < truth.Count; t++)
        {
            var (loss, hidden, grand) = ForTable(truth[t], released[t], primary[t], method);
            tables[t] = loss;
            shareKnown &= loss.ShareOfTotalHidden is not null;
            hiddenSum += hidden;
            grandSum += grand;
        }

        return new ReleaseLoss(tables, shareKnown ? Share(hiddenSum, grandSum) : null);
    }

    private static (TableLoss Loss, long Hidden, long Grand) ForTable(CountTable truth, ProtectedTable released, bool[] primary, DisclosureMethod method)
    {
        int primaries = 0, secondaries = 0, adjusted = 0;
        long hidden = 0;
        for (var cell = 0; cell < truth.CellCount; cell++)
        {
            if (released.Status[cell] == CellStatus.Suppressed)
            {
                if (primary[cell])
                {
                    primaries++;
                }
                else
                {
                    secondaries++;
                }

                if (truth.IsInner(cell))
                {
                    hidden += truth.Values[cell];
                }
            }
            else if (released.Table.Values[cell] != truth.Values[cell])
            {
                adjusted++;
            }
        }

        var grand = truth.CellCount == 0 ? 0 : truth.Values[GrandTotalCell];
        var implied = method == DisclosureMethod.Suppression && truth.Additive && truth.CellCount > 0
            && released.Status[GrandTotalCell] == CellStatus.Published;
        var loss = new TableLoss(truth.Name, truth.CellCount, primaries, secondaries, adjusted, implied ? Share(hidden, grand) : null);
        return (loss, hidden, grand);
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
