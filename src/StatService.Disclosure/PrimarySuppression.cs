using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The threshold rule, plus the release's own sensitive cells (<see cref="ProtectionProblem.Sensitivity"/>: the dominance
/// rules' cells of magnitude tables and the cells earlier releases make sensitive): which cells, inner cells and margins
/// alike, must be suppressed.
/// </summary>
public static class PrimarySuppression
{
    public static bool IsSensitive(long value, DisclosurePolicy policy) => policy.IsSensitiveCount(value);

    /// <summary>A cell of one person: that person knows the whole cell.</summary>
    public static bool IsSingleton(long value) => value == 1;

    /// <summary>Zeros stay published unless they are sensitive or may be hidden (see <see cref="CellRole.AlwaysPublished"/>).</summary>
    public static bool CanBeSuppressed(long value, DisclosurePolicy policy) => value != 0 || policy.HiddenMayBeZero;

    public static CellRole[] Classify(ProtectionProblem problem, DisclosurePolicy policy)
    {
        var values = problem.Values;
        var roles = new CellRole[values.Length];
        for (var c = 0; c < roles.Length; c++)
        {
            roles[c] = IsSensitive(values[c], policy) ? CellRole.Primary
                : !CanBeSuppressed(values[c], policy) ? CellRole.AlwaysPublished
                : CellRole.Candidate;
        }

        if (problem.Sensitivity.Dominance is { } dominance)
        {
            for (var k = 0; k < problem.TableIndices.Count; k++)
            {
                var table = problem.TableIndices[k];
                var cells = problem.TableCells(k);
                for (var c = 0; c < cells.Length; c++)
                {
                    if (dominance.Contains(table, c))
                    {
                        roles[cells[c]] = CellRole.Primary;
                    }
                }
            }
        }

        foreach (var (cell, _) in DifferencingCells(problem))
        {
            roles[cell] = CellRole.Primary;
        }

        return roles;
    }

    /// <summary>The problem cells that earlier releases make sensitive, each with its requirement (linked cells: the stricter).</summary>
    internal static Dictionary<int, DifferencingPrimary> DifferencingCells(ProtectionProblem problem)
    {
        var result = new Dictionary<int, DifferencingPrimary>();
        if (problem.Sensitivity.Differencing is not { IsEmpty: false } differencing)
        {
            return result;
        }

        var position = new Dictionary<int, int>();
        for (var k = 0; k < problem.TableIndices.Count; k++)
        {
            position[problem.TableIndices[k]] = k;
        }

        foreach (var primary in differencing.Cells)
        {
            if (position.TryGetValue(primary.Table, out var k))
            {
                var cell = problem.TableCells(k)[primary.Cell];
                result[cell] = result.TryGetValue(cell, out var known) ? known.Stricter(primary) : primary;
            }
        }

        return result;
    }
}
