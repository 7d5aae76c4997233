using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// The threshold rule, plus the dominance rules' cells of magnitude tables (<see cref="DisclosurePolicy.DominancePrimaries"/>):
/// which cells, inner cells and margins alike, are sensitive by themselves.
/// </summary>
public static class PrimarySuppression
{
    public static bool IsSensitive(long value, DisclosurePolicy policy) =>
        value == 0 ? policy.ZerosSensitive : value <= policy.MaxSensitiveCount;

    /// <summary>A cell of one person: that person knows the whole cell.</summary>
    public static bool IsSingleton(long value) => value == 1;

    /// <summary>Zeros stay published unless they are sensitive themselves (see <see cref="CellRole.AlwaysPublished"/>).</summary>
    public static bool CanBeSuppressed(long value, DisclosurePolicy policy) => value != 0 || policy.ZerosSensitive;

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

        if (policy.DominancePrimaries is { } dominance)
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

        return roles;
    }
}
