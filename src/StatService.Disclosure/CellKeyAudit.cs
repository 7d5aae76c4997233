using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Checks a perturbed table against its true values before release: no cell moved by more than the maximum noise or
/// below zero, the noise is the one the table's keys select (so a repeated order gets the same table), and exactly
/// the cells that are small after noise are suppressed.
/// </summary>
public static class CellKeyAudit
{
    public static bool Passes(CountTable truth, ProtectedTable released, CellKeyPerturbation perturbation)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(perturbation);
        var keys = truth.CellKeys!;
        for (var cell = 0; cell < truth.CellCount; cell++)
        {
            var value = truth.Values[cell];
            var shown = released.Table.Values[cell];
            if (shown < 0 || Math.Abs(shown - value) > perturbation.Noise.MaxNoise
                || shown - value != perturbation.Noise.Noise(value, keys[cell])
                || (released.Status[cell] == CellStatus.Suppressed) != perturbation.IsHidden(shown))
            {
                return false;
            }
        }

        return true;
    }
}
