using StatService.Core.Disclosure;

namespace StatService.Disclosure;

/// <summary>
/// What the attacker's interval of each suppressed cell must include. Always: a value at or above the
/// threshold and a second whole count (never pinned, never provably small). With a protection level of
/// p %, a primary's interval must also reach p % above its value and p % below it, tau-Argus style; below only
/// as far as anyone could go knowing just which cells are empty (a margin over three non-empty cells is at least 3).
/// A cell that earlier releases make sensitive (<see cref="ReleaseSensitivity.Differencing"/>) must reach what its
/// difference with the earlier cell needs, with the same limit below; whether that limit left the difference protected
/// is for the caller to check against the release's bounds.
/// </summary>
internal sealed class ProtectionNeeds
{
    private readonly double[] _upper;
    private readonly double[] _lower;

    /// <param name="floor">The cells' known floors (<see cref="KnownFloors"/>); needed only with a protection level.</param>
    public ProtectionNeeds(ProtectionProblem problem, AttackerLp lp, CellRole[] roles, DisclosurePolicy policy, long[]? floor)
    {
        _upper = new double[lp.VariableCount];
        _lower = new double[lp.VariableCount];
        var differencing = PrimarySuppression.DifferencingCells(problem);
        for (var v = 0; v < _upper.Length; v++)
        {
            var cell = lp.CellOf(v);
            var value = problem.Values[cell];
            _upper[v] = policy.Threshold;
            _lower[v] = double.PositiveInfinity;
            if (policy.ProtectionLevelPercent > 0 && roles[cell] == CellRole.Primary)
            {
                var margin = Math.Max(1, (long)Math.Ceiling(value * policy.ProtectionLevelPercent / 100 - 1e-9));
                _upper[v] = Math.Max(_upper[v], value + margin);
                _lower[v] = Math.Max(floor![cell], value - margin);
            }

            if (differencing.TryGetValue(cell, out var earlier))
            {
                if (earlier.UpperAtLeast is { } upper)
                {
                    _upper[v] = Math.Max(_upper[v], upper);
                }

                if (earlier.LowerAtMost is { } lower)
                {
                    _lower[v] = Math.Min(_lower[v], Math.Max(floor![cell], lower));
                }
            }
        }
    }

    /// <summary>
    /// The least value of each cell that follows from the zeros alone (null when no cell asks for a floor: without a protection
    /// level or a differencing cell that needs one): a non-empty cell is at least the attacker's floor, a margin at least the sum
    /// of its parts' floors (the largest, where parts overlap).
    /// </summary>
    public static long[]? KnownFloors(ProtectionProblem problem, DisclosurePolicy policy)
    {
        if (policy.ProtectionLevelPercent <= 0 && !problem.Sensitivity.Differencing.Cells.Any(c => c.LowerAtMost is not null))
        {
            return null;
        }

        var values = problem.Values;
        var floors = new long[problem.CellCount];
        for (var c = 0; c < floors.Length; c++)
        {
            floors[c] = values[c] == 0 ? 0 : RelationRules.AttackerLowerBound(policy);
        }

        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < problem.RelationCount; r++)
            {
                var cells = problem.RelationCells(r);
                var sum = 0L;
                var largest = 0L;
                foreach (var part in cells[1..])
                {
                    sum += floors[part];
                    largest = Math.Max(largest, floors[part]);
                }

                var implied = problem.IsAdditive(r) ? sum : largest;
                if (implied > floors[cells[0]])
                {
                    floors[cells[0]] = implied;
                    changed = true;
                }
            }
        }

        return floors;
    }

    /// <summary>The value the attacker's ceiling must reach.</summary>
    public double Upper(int variable) => _upper[variable];

    /// <summary>The value the attacker's floor must reach down to; +infinity when any floor will do.</summary>
    public double Lower(int variable) => _lower[variable];

    /// <summary>Whether an interval from <paramref name="low"/> to <paramref name="high"/> protects the cell.</summary>
    public bool IsMet(int variable, double low, double high)
    {
        var top = SuppressionAudit.Floor(high);
        var bottom = SuppressionAudit.Ceiling(low);
        return top >= _upper[variable] && bottom <= _lower[variable] && top > bottom;
    }
}
