namespace StatService.Core.Disclosure;

/// <summary>
/// Cells of a release that earlier releases make sensitive: each is nested in (or holds) a cell an earlier release
/// published, and the difference between the two counts a group of 1 to <see cref="DisclosurePolicy.MaxSensitiveCount"/>
/// persons. Such a cell is a primary suppression, and the attacker's interval of it must reach far enough that the
/// difference could still be the threshold or more: down to <see cref="DifferencingPrimary.LowerAtMost"/> when the
/// earlier cell holds it, up to <see cref="DifferencingPrimary.UpperAtLeast"/> when it holds the earlier cell.
/// Set by the worker's ledger check; never read from product.json.
/// </summary>
public sealed record DifferencingPrimaries(IReadOnlyList<DifferencingPrimary> Cells)
{
    public static DifferencingPrimaries None { get; } = new([]);

    public bool IsEmpty => Cells.Count == 0;

    public bool Contains(int table, int cell) => Cells.Any(c => c.Table == table && c.Cell == cell);

    /// <summary>True when every cell of <paramref name="other"/> is here with a requirement at least as strict.</summary>
    public bool Covers(DifferencingPrimaries other)
    {
        var mine = Cells.ToDictionary(c => (c.Table, c.Cell));
        return other.Cells.All(o => mine.TryGetValue((o.Table, o.Cell), out var m) && m.Covers(o));
    }

    /// <summary>Both sets of cells, each with the stricter of the two requirements.</summary>
    public DifferencingPrimaries Union(DifferencingPrimaries other) =>
        new(Cells.Concat(other.Cells)
            .GroupBy(c => (c.Table, c.Cell))
            .Select(g => g.Aggregate((a, b) => a.Stricter(b)))
            .OrderBy(c => c.Table).ThenBy(c => c.Cell)
            .ToArray());
}

/// <summary>
/// One cell of <see cref="DifferencingPrimaries"/>, by table position and cell index, with the value the attacker's
/// ceiling must reach (null: the threshold rule's own) and the value the floor must reach down to (null: any floor).
/// </summary>
public sealed record DifferencingPrimary(int Table, int Cell, long? UpperAtLeast, long? LowerAtMost)
{
    public bool Covers(DifferencingPrimary other) =>
        (other.UpperAtLeast is not { } upper || UpperAtLeast >= upper) && (other.LowerAtMost is not { } lower || LowerAtMost <= lower);

    public DifferencingPrimary Stricter(DifferencingPrimary other) => this with
    {
        UpperAtLeast = Max(UpperAtLeast, other.UpperAtLeast),
        LowerAtMost = Min(LowerAtMost, other.LowerAtMost),
    };

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
