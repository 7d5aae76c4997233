namespace StatService.Disclosure;

/// <summary>
/// Tables the attacker cannot rule out, met while solving the audit's programs: the true table and
/// every optimal solution. If such tables already give a cell a value at or above the threshold and
/// a second whole count, that cell is protected and its own programs can be skipped.
/// </summary>
internal sealed class Witnesses
{
    private readonly AttackerLp _lp;
    private readonly long _threshold;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly bool[] _settled;
    private readonly int[] _open;
    private int _openCount;

    public Witnesses(ProtectionProblem problem, AttackerLp lp, long threshold)
    {
        _lp = lp;
        _threshold = threshold;
        var n = lp.VariableCount;
        _low = new double[n];
        _high = new double[n];
        _settled = new bool[n];
        _open = new int[n];
        for (var v = 0; v < n; v++)
        {
            _low[v] = _high[v] = problem.Values[lp.CellOf(v)];
            _open[_openCount++] = v;
        }
    }

    public bool IsSettled(int variable) => _settled[variable];

    public double Low(int variable) => _low[variable];

    /// <summary>Marks a cell decided by its own programs.</summary>
    public void Settle(int variable) => _settled[variable] = true;

    /// <summary>Takes the last solution as a further witness table.</summary>
    public void Learn()
    {
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
            var high = SuppressionAudit.Floor(_high[v]);
            if (high >= _threshold && high > SuppressionAudit.Ceiling(_low[v]))
            {
                _settled[v] = true;
                continue;
            }

            _open[kept++] = v;
        }

        _openCount = kept;
    }
}
