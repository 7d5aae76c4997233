namespace StatService.Disclosure;

/// <summary>
/// The tables the audit's programs returned for one component. Each is a table the outsider cannot rule out, whatever
/// insiders the program was told of; one that leaves every cell a singleton's holder knows at its true value is one the
/// holder cannot rule out either. Enough of them give a holder a cell's two whole counts and needed range without a
/// program of the holder's own: the program's answer is then implied.
/// </summary>
internal sealed class SolvedTables(AttackerLp lp, SingletonHolders holders, ProtectionNeeds needs)
{
    // Per table, which holders it fits; filled as tables are first looked at.
    private readonly List<bool[]> _fits = [];
    private int _standing;

    /// <summary>
    /// Widens the holder's <paramref name="range"/> of the variable by every table that fits them; true once it meets
    /// what the cell needs (the holder then cannot crack it).
    /// </summary>
    public bool Settle(int holder, int variable, ref (double Low, double High) range)
    {
        var tables = lp.Solutions;
        Fill(tables);
        var (low, high) = range;
        for (var t = 0; t < tables.Count; t++)
        {
            var x = tables[t][variable];
            if ((x < low || x > high) && _fits[t][holder])
            {
                (low, high) = (Math.Min(low, x), Math.Max(high, x));
                if (needs.IsMet(variable, low, high))
                {
                    break;
                }
            }
        }

        range = (low, high);
        return needs.IsMet(variable, low, high);
    }

    /// <summary>Whether no holder alone can crack the cell: the tables settle it for every holder who does not know it already.</summary>
    public bool SettleForEveryHolder(int variable)
    {
        var truth = holders.Truth(variable);
        // Starting from the holder that stood last time fails fast: the same few holders tend to stand.
        for (var i = 0; i < holders.Count; i++)
        {
            var h = (_standing + i) % holders.Count;
            var range = (truth, truth);
            if (!holders.Knows(h, variable) && !Settle(h, variable, ref range))
            {
                _standing = h;
                return false;
            }
        }

        return true;
    }

    private void Fill(IReadOnlyList<double[]> tables)
    {
        for (var t = _fits.Count; t < tables.Count; t++)
        {
            var fits = new bool[holders.Count];
            for (var h = 0; h < fits.Length; h++)
            {
                fits[h] = holders.Fits(h, tables[t]);
            }

            _fits.Add(fits);
        }
    }
}
