using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Checks a rounded table against its true values before release: every redacted cell is a count from 1 to the
/// redaction limit, every other cell published; published cells are the true values rounded to the base (inner cells,
/// or every cell of a non-additive table); and the totals of an additive table are exactly the sums of the published
/// cells below them, so no total carries a trace of a redacted cell.
/// </summary>
public static class RoundingAudit
{
    public static bool Passes(CountTable truth, ProtectedTable released, RoundingProtection rounding)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(rounding);
        var values = released.Table.Values;
        for (var cell = 0; cell < truth.CellCount; cell++)
        {
            var ownCell = !truth.Additive || truth.IsInner(cell);
            var hidden = released.Status[cell] == CellStatus.Suppressed;
            if (!ownCell)
            {
                if (hidden)
                {
                    return false;
                }

                continue;
            }

            var value = truth.Values[cell];
            var redact = value >= 1 && value <= rounding.RedactAtOrBelow;
            if (hidden != redact)
            {
                return false;
            }

            if (!hidden && values[cell] != (long)Math.Round((double)value / rounding.Base, MidpointRounding.AwayFromZero) * rounding.Base)
            {
                return false;
            }

            if (hidden && values[cell] != 0)
            {
                return false;
            }
        }

        return !truth.Additive || released.Table.IsAdditive();
    }
}
