namespace StatService.Disclosure;

/// <summary>
/// Tables one attacker cannot rule out, met while solving the audit's programs: the true table and
/// every solution returned. If such tables already give a cell a value at or above what it needs and
/// a second whole count (and, with a protection level, one low enough), that cell is protected and needs
/// no programs of its own. Most cells of a pattern are settled this way, which is what keeps the audit affordable.
/// </summary>
internal sealed class Witnesses
{
    private readonly ProtectionProblem _problem;
    private readonly AttackerLp _lp;
    private readonly ProtectionNeeds _needs;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly bool[] _settled;
    private readonly int[] _open;
    private int _openCount;

    /// <summary>Witnesses for the given variables; the others count as settled.</summary>
    public Witnesses(ProtectionProblem problem, AttackerLp lp, ProtectionNeeds needs, IReadOnlyList<int> variables)
    {
        _problem = problem;
        _lp = lp;
        _needs = needs;
        var n = lp.VariableCount;
        _low = new double[n];
        _high = new double[n];
        _settled = new bool[n];
        _open = new int[n];
        Reset(variables);
    }

    /// <summary>Also feeds every solution to the singleton holders' witnesses.</summary>
    public SingletonHolders? Holders { get; init; }

    /// <summary>
    /// Starts over for another attacker, keeping the buffers, from the true values and the ranges
    /// (<paramref name="seenLow"/>, <paramref name="seenHigh"/>) already met for it.
    /// </summary>
    public void Reset(IReadOnlyList<int> variables, double[]? seenLow = null, double[]? seenHigh = null)
    {
        Array.Fill(_settled, true);
        _openCount = 0;
        foreach (var v in variables)
        {
            _low[v] = _high[v] = _problem.Values[_lp.CellOf(v)];
            if (seenLow is not null && seenHigh is not null)
            {
                _low[v] = Math.Min(_low[v], seenLow[v]);
                _high[v] = Math.Max(_high[v], seenHigh[v]);
            }

            _settled[v] = _needs.IsMet(v, _low[v], _high[v]);
            if (!_settled[v])
            {
                _open[_openCount++] = v;
            }
        }
    }

    public bool IsSettled(int variable) => _settled[variable];

    /// <summary>
    /// Meets many witnesses cheaply before any cell gets programs of its own: moves all unsettled cells
    /// together (all up, all down, then in varying directions) while that still settles enough of them to
    /// beat solving their own programs.
    /// </summary>
    public void Sweep()
    {
        for (var round = 0; round < 24 && _openCount > 0; round++)
        {
            var before = _openCount;
            _lp.Scatter(_open.AsSpan(0, _openCount), round);
            Learn();
            if (round >= 2 && before - _openCount < Math.Max(3, before / 50))
            {
                return;
            }
        }
    }

    public double Low(int variable) => _low[variable];

    /// <summary>Marks a cell decided by its own programs.</summary>
    public void Settle(int variable) => _settled[variable] = true;

    /// <summary>Takes the last solution as a further witness table.</summary>
    public void Learn()
    {
        Holders?.Learn();
        var kept = 0;
        for (var i = 0; i < _openCount; i++)
        {
            var v = _open[i];
            if (_settled[v])
            {
                continue;
            }

            var x = _lp.Value(v);
            _low[v] = Math.Min(_low[v], x);
            _high[v] = Math.Max(_high[v], x);
            if (_needs.IsMet(v, _low[v], _high[v]))
            {
                _settled[v] = true;
                continue;
            }

            _open[kept++] = v;
        }

        _openCount = kept;
    }
}
