namespace StatService.Disclosure.Tests;

/// <summary>
/// A solver-free attacker for tiny tables: it searches whole-number tables consistent with the
/// published cells (bounds propagation over the equations, then splitting domains) and asks, per
/// suppressed cell, whether it can take a second value and whether it can reach the threshold.
/// Counts are capped at a generous ceiling so the search is finite.
/// </summary>
internal sealed class IntegerAttacker
{
    private readonly PublishedTable _table;
    private readonly int[] _cells;
    private readonly Dictionary<int, int> _variable;
    private readonly List<(int[] Vars, int[] Signs, long Constant)> _equations = [];
    private readonly long _lowerBound;

    public IntegerAttacker(PublishedTable table, bool zerosSensitive, long cap)
    {
        _table = table;
        Cap = cap;
        _lowerBound = zerosSensitive ? 0 : 1;
        _cells = table.SuppressedCells.ToArray();
        _variable = _cells.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        foreach (var (total, parts) in table.Equations)
        {
            // total - sum(parts) = 0  ->  sum(sign * hidden) = -sum(sign * published)
            var vars = new List<int>();
            var signs = new List<int>();
            long constant = 0;
            foreach (var (cell, sign) in parts.Select(p => (p, -1)).Prepend((total, 1)))
            {
                if (table.Published[cell] is { } value)
                {
                    constant -= sign * value;
                }
                else
                {
                    vars.Add(_variable[cell]);
                    signs.Add(sign);
                }
            }

            if (vars.Count > 0)
            {
                _equations.Add((vars.ToArray(), signs.ToArray(), constant));
            }
            else
            {
                Assert.Equal(0, constant);
            }
        }
    }

    public long Cap { get; }

    public IReadOnlyList<int> Cells => _cells;

    /// <summary>Is there a whole-number table with the cell inside [low, high]?</summary>
    public bool Possible(int cell, long low, long high)
    {
        var lo = Enumerable.Repeat(_lowerBound, _cells.Length).ToArray();
        var hi = Enumerable.Repeat(Cap, _cells.Length).ToArray();
        var v = _variable[cell];
        lo[v] = Math.Max(lo[v], low);
        hi[v] = Math.Min(hi[v], high);
        return Search(lo, hi);
    }

    /// <summary>Is the given assignment of the suppressed cells consistent with what is published?</summary>
    public bool Consistent(IReadOnlyDictionary<int, long> values) =>
        _equations.All(e => e.Vars.Select((v, i) => e.Signs[i] * values[_cells[v]]).Sum() == e.Constant);

    private bool Search(long[] lo, long[] hi)
    {
        if (!Propagate(lo, hi))
        {
            return false;
        }

        var split = -1;
        for (var v = 0; v < lo.Length; v++)
        {
            if (lo[v] < hi[v] && (split < 0 || hi[v] - lo[v] < hi[split] - lo[split]))
            {
                split = v;
            }
        }

        if (split < 0)
        {
            return true; // every cell fixed and every equation checked by propagation
        }

        var mid = lo[split] + (hi[split] - lo[split]) / 2;
        var (lo2, hi2) = ((long[])lo.Clone(), (long[])hi.Clone());
        hi[split] = mid;
        lo2[split] = mid + 1;
        return Search(lo, hi) || Search(lo2, hi2);
    }

    private bool Propagate(long[] lo, long[] hi)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (vars, signs, constant) in _equations)
            {
                // sum(sign_i * x_i) = constant: bound each term by the others.
                long minSum = 0, maxSum = 0;
                for (var i = 0; i < vars.Length; i++)
                {
                    minSum += signs[i] > 0 ? lo[vars[i]] : -hi[vars[i]];
                    maxSum += signs[i] > 0 ? hi[vars[i]] : -lo[vars[i]];
                }

                if (constant < minSum || constant > maxSum)
                {
                    return false;
                }

                for (var i = 0; i < vars.Length; i++)
                {
                    var v = vars[i];
                    var termMin = signs[i] > 0 ? lo[v] : -hi[v];
                    var termMax = signs[i] > 0 ? hi[v] : -lo[v];
                    var newTermMin = constant - (maxSum - termMax);
                    var newTermMax = constant - (minSum - termMin);
                    var (newLo, newHi) = signs[i] > 0 ? (newTermMin, newTermMax) : (-newTermMax, -newTermMin);
                    if (newLo > lo[v] || newHi < hi[v])
                    {
                        lo[v] = Math.Max(lo[v], newLo);
                        hi[v] = Math.Min(hi[v], newHi);
                        if (lo[v] > hi[v])
                        {
                            return false;
                        }

                        changed = true;
                    }
                }
            }
        }

        return true;
    }
}
