namespace StatService.Disclosure;

/// <summary>
/// Witnesses for singleton holders, gathered for free while the outsider is audited. A holder knows
/// the cells of <see cref="Group.Known"/>; any table the outsider cannot rule out that has those cells
/// at their true values, the holder cannot rule out either. Singletons sit at the attacker's floor of 1,
/// so such tables are the outsider's optimal vertices that leave them there, and they are common.
/// </summary>
internal sealed class HolderWitnesses
{
    private const double Tolerance = 1e-7;
    private readonly AttackerLp _lp;
    private readonly List<Group> _groups = [];
    private readonly double[] _solution;

    public HolderWitnesses(AttackerLp lp)
    {
        _lp = lp;
        _solution = new double[lp.VariableCount];
    }

    public IReadOnlyList<Group> Groups => _groups;

    public Group Add(int[] known, double[] knownValues)
    {
        var group = new Group(known, knownValues, new double[_lp.VariableCount], new double[_lp.VariableCount]);
        Array.Fill(group.Low, double.PositiveInfinity);
        Array.Fill(group.High, double.NegativeInfinity);
        _groups.Add(group);
        return group;
    }

    /// <summary>Takes the last solution as a witness for every holder whose cells it leaves at their true values.</summary>
    public void Learn()
    {
        var read = false;
        foreach (var group in _groups)
        {
            var fits = true;
            for (var i = 0; i < group.Known.Length && fits; i++)
            {
                fits = Math.Abs(_lp.Value(group.Known[i]) - group.KnownValues[i]) <= Tolerance;
            }

            if (!fits)
            {
                continue;
            }

            if (!read)
            {
                for (var v = 0; v < _solution.Length; v++)
                {
                    _solution[v] = _lp.Value(v);
                }

                read = true;
            }

            for (var v = 0; v < _solution.Length; v++)
            {
                group.Low[v] = Math.Min(group.Low[v], _solution[v]);
                group.High[v] = Math.Max(group.High[v], _solution[v]);
            }
        }
    }

    /// <summary>One holder's knowledge (variables and their true values) and the range seen so far for every variable.</summary>
    public sealed record Group(int[] Known, double[] KnownValues, double[] Low, double[] High);
}
