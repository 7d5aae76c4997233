namespace StatService.Disclosure;

/// <summary>
/// The cuts learnt so far, found by cell: a neighbourhood model needs only the cuts that name one of its free cells,
/// the others are what the cells held outside make them.
/// </summary>
internal sealed class CutPool
{
    private readonly List<SuppressionCut> _cuts = [];
    private readonly List<int>?[] _byCell;

    public CutPool(int cellCount, IEnumerable<SuppressionCut> cuts)
    {
        _byCell = new List<int>?[cellCount];
        AddRange(cuts);
    }

    public void AddRange(IEnumerable<SuppressionCut> cuts)
    {
        foreach (var cut in cuts)
        {
            var index = _cuts.Count;
            _cuts.Add(cut);
            Index(cut.Guard, index);
            foreach (var cell in cut.Cells)
            {
                Index(cell, index);
            }
        }
    }

    /// <summary>The cuts that name one of <paramref name="cells"/>, as guard or as a cell that counts, in the order learnt.</summary>
    public IEnumerable<SuppressionCut> Touching(IEnumerable<int> cells)
    {
        var found = new SortedSet<int>();
        foreach (var cell in cells)
        {
            if (_byCell[cell] is { } cuts)
            {
                found.UnionWith(cuts);
            }
        }

        return found.Select(i => _cuts[i]);
    }

    private void Index(int cell, int cut)
    {
        var list = _byCell[cell] ??= [];
        if (list.Count == 0 || list[^1] != cut)
        {
            list.Add(cut);
        }
    }
}
