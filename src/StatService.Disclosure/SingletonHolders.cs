namespace StatService.Disclosure;

/// <summary>
/// The holders of suppressed singletons, each knowing their own cells (see <c>KnownToHolderOf</c> in the
/// audit), and the witness tables met for them for free while the outsider is audited. A solution that
/// leaves every holder's cells at their true values is a table the whole coalition of holders cannot rule
/// out; one that moves only one holder's cells is a table the others cannot rule out, which is what that
/// holder's own cells need. Singletons sit at the attacker's floor of 1, so such tables are common.
/// A cell below two holders' cells (an empty cell where a row of one person crosses a column of another) is
/// counted as one holder's but known to both: neither learns it from the release, the program is told it while
/// either is known, and a table that moves it is a witness for neither.
/// </summary>
internal sealed class SingletonHolders
{
    private const double Tolerance = 1e-7;
    private readonly AttackerLp _lp;
    private readonly int[] _holderOf;
    private readonly double[] _truth;
    private readonly List<int[]> _known = [];
    private readonly List<double[]> _ownLow = [];
    private readonly List<double[]> _ownHigh = [];
    private readonly List<int> _allKnown = [];
    private readonly List<int> _atFloor = [];
    private readonly Dictionary<int, List<int>> _alsoKnownBy = [];
    private readonly List<int[]> _alsoKnown = [];
    private readonly int[] _knownBy;
    private readonly double _floor;

    public SingletonHolders(AttackerLp lp, ReadOnlySpan<long> values, double floor)
    {
        _floor = floor;
        _lp = lp;
        _holderOf = new int[lp.VariableCount];
        _knownBy = new int[lp.VariableCount];
        Array.Fill(_holderOf, -1);
        _truth = new double[lp.VariableCount];
        for (var v = 0; v < _truth.Length; v++)
        {
            _truth[v] = values[lp.CellOf(v)];
        }

        CoalitionLow = (double[])_truth.Clone();
        CoalitionHigh = (double[])_truth.Clone();
    }

    public int Count => _known.Count;

    /// <summary>Per variable, the least and greatest value met in tables the coalition of all holders cannot rule out.</summary>
    public double[] CoalitionLow { get; }

    public double[] CoalitionHigh { get; }

    /// <summary>The suppressed cells (as variables) the holder knows.</summary>
    public IReadOnlyList<int> Known(int holder) => _known[holder];

    public int HolderOf(int variable) => _holderOf[variable];

    /// <summary>Whether the holder knows the variable's cell without any release: it counts as theirs, or lies below their cells too.</summary>
    public bool Knows(int holder, int variable) =>
        _holderOf[variable] == holder || (_alsoKnownBy.TryGetValue(variable, out var others) && others.Contains(holder));

    public double Truth(int variable) => _truth[variable];

    /// <summary>Every variable some holder knows.</summary>
    public IReadOnlyList<int> AllKnown => _allKnown;

    /// <summary>
    /// The known variables whose true value is the attacker's floor (every one of them unless zeros are sensitive):
    /// an objective that presses them down keeps them at their true values wherever it can.
    /// </summary>
    public IReadOnlyList<int> AtFloor => _atFloor;

    /// <summary>Least and greatest value of the holder's own cells met in tables the other holders cannot rule out.</summary>
    public (double Low, double High) OwnRange(int holder, int index) => (_ownLow[holder][index], _ownHigh[holder][index]);

    public void Add(int[] known)
    {
        var fresh = known.Where(v => _holderOf[v] < 0).ToArray();
        if (fresh.Length == 0)
        {
            return;
        }

        foreach (var v in fresh)
        {
            _holderOf[v] = _known.Count;
            _allKnown.Add(v);
            if (_truth[v] == _floor)
            {
                _atFloor.Add(v);
            }
        }

        var shared = known.Where(v => _holderOf[v] != _known.Count).ToArray();
        foreach (var v in shared)
        {
            if (!_alsoKnownBy.TryGetValue(v, out var others))
            {
                _alsoKnownBy[v] = others = [];
            }

            others.Add(_known.Count);
        }

        _alsoKnown.Add(shared);
        _known.Add(fresh);
        _ownLow.Add(fresh.Select(v => _truth[v]).ToArray());
        _ownHigh.Add(fresh.Select(v => _truth[v]).ToArray());
    }

    /// <summary>Takes the last solution as a witness for the coalition, or for the one holder whose cells it moves.</summary>
    public void Learn()
    {
        var moved = -1;
        foreach (var v in _allKnown)
        {
            if (Math.Abs(_lp.Value(v) - _truth[v]) <= Tolerance)
            {
                continue;
            }

            if (_alsoKnownBy.ContainsKey(v) || (moved >= 0 && _holderOf[v] != moved))
            {
                return; // several holders' cells move (or one that several know): a witness for none of them
            }

            moved = _holderOf[v];
        }

        if (moved < 0)
        {
            for (var v = 0; v < _truth.Length; v++)
            {
                var x = _lp.Value(v);
                CoalitionLow[v] = Math.Min(CoalitionLow[v], x);
                CoalitionHigh[v] = Math.Max(CoalitionHigh[v], x);
            }

            return;
        }

        var own = _known[moved];
        for (var i = 0; i < own.Length; i++)
        {
            var x = _lp.Value(own[i]);
            _ownLow[moved][i] = Math.Min(_ownLow[moved][i], x);
            _ownHigh[moved][i] = Math.Max(_ownHigh[moved][i], x);
        }
    }

    /// <summary>Tells the attacker program every holder's cells except those of <paramref name="except"/>.</summary>
    public void KnowAll(int except = -1)
    {
        for (var h = 0; h < Count; h++)
        {
            if (h != except)
            {
                Know(h);
            }
        }
    }

    /// <summary>Takes back <see cref="KnowAll"/> (with the same <paramref name="except"/>).</summary>
    public void ForgetAll(int except = -1)
    {
        for (var h = 0; h < Count; h++)
        {
            if (h != except)
            {
                Forget(h);
            }
        }
    }

    /// <summary>
    /// Whether a table (one value per variable) leaves every cell the holder knows at its true value: every solution of the
    /// attacker's program, whatever insiders it was told of, is a table the holder then cannot rule out.
    /// </summary>
    public bool Fits(int holder, double[] table)
    {
        foreach (var v in _known[holder])
        {
            if (Math.Abs(table[v] - _truth[v]) > Tolerance)
            {
                return false;
            }
        }

        foreach (var v in _alsoKnown[holder])
        {
            if (Math.Abs(table[v] - _truth[v]) > Tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Holders whose cells the last solution moves away from their true values.</summary>
    public void AddMoved(HashSet<int> holders)
    {
        foreach (var v in _allKnown)
        {
            if (Math.Abs(_lp.Value(v) - _truth[v]) > Tolerance)
            {
                holders.Add(_holderOf[v]);
                if (_alsoKnownBy.TryGetValue(v, out var others))
                {
                    holders.UnionWith(others);
                }
            }
        }
    }

    /// <summary>Tells the program the holder's cells; a cell another known holder knows too stays told until both are forgotten.</summary>
    public void Know(int holder)
    {
        foreach (var v in _known[holder].Concat(_alsoKnown[holder]))
        {
            if (_knownBy[v]++ == 0)
            {
                _lp.Know(v, _truth[v]);
            }
        }
    }

    public void Forget(int holder)
    {
        foreach (var v in _known[holder].Concat(_alsoKnown[holder]))
        {
            if (--_knownBy[v] == 0)
            {
                _lp.Forget(v);
            }
        }
    }
}
