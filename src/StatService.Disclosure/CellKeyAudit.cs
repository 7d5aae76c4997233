using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure;

/// <summary>
/// Checks a perturbed table against its true values before release: no cell moved by more than the maximum noise or
/// below zero, the noise is the one the table's keys select (so a repeated order gets the same table), and exactly
/// the cells that are small after noise are suppressed. Linked tables (one link group: the same persons) must show a
/// cell they share, such as the cohort total, with one value in every table, or the differences would reveal noise.
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

    /// <summary>
    /// Every cell that linked tables share has one true value (else <see cref="ProtectionProblem.FromTables"/> refuses
    /// the release), one key and one released value and status, in whichever table it is shown.
    /// </summary>
    public static bool LinkedCellsAgree(IReadOnlyList<CountTable> truth, IReadOnlyList<ProtectedTable> released)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(released);
        foreach (var group in LinkedTables.Groups(truth).Where(g => g.Length > 1))
        {
            var problem = ProtectionProblem.FromTables(group.Select(t => truth[t]).ToArray(), group);
            var shown = new (double Key, long? Published)?[problem.CellCount];
            for (var k = 0; k < group.Length; k++)
            {
                var table = group[k];
                var cells = problem.TableCells(k);
                for (var cell = 0; cell < cells.Length; cell++)
                {
                    var here = (truth[table].CellKeys![cell], released[table].PublishedValue(cell));
                    if (shown[cells[cell]] is { } first && first != here)
                    {
                        return false;
                    }

                    shown[cells[cell]] = here;
                }
            }
        }

        return true;
    }
}
