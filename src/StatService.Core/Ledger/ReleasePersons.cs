namespace StatService.Core.Ledger;

/// <summary>
/// Whom a release's tables count and what a reader knows of each cell, as the release ledger keeps it: per table the
/// persons of every inner cell (person index places of the extract version, never pseudonyms) and, per cell, the inner
/// cells it is the union of and the interval a reader of the release knows its count to lie in. As sensitive as the
/// extract itself: it never leaves the service.
/// </summary>
public sealed record ReleasePersons(IReadOnlyList<PersonTable> Tables)
{
    public static ReleasePersons Empty { get; } = new([]);

    /// <summary>Inner cells over all tables.</summary>
    public int InnerCellCount => Tables.Sum(t => t.Inner.Count);
}

/// <summary>
/// One table: <paramref name="Inner"/> holds each inner cell's persons in ascending order; <paramref name="Cells"/> every
/// cell a reader learns something of (published, bounded, or hidden), by its position <see cref="PersonCell.Cell"/> in the
/// delivered table.
/// </summary>
public sealed record PersonTable(string Name, IReadOnlyList<int[]> Inner, IReadOnlyList<PersonCell> Cells)
{
    /// <summary>
    /// Empty for a table of person counts. For a magnitude table (sums of contacts, dispensings, DDD) the quantity it sums
    /// (<see cref="MeasureContext"/>): <see cref="Inner"/> then holds each cell's contributors (value above 0), the cells'
    /// intervals bound sums, and only tables of one context add up.
    /// </summary>
    public string Context { get; init; } = string.Empty;

    /// <summary>For a magnitude table: each inner cell's contributors' values, in the order of <see cref="Inner"/>; else null.</summary>
    public IReadOnlyList<long[]>? Values { get; init; }

    public bool IsMagnitude => Context.Length > 0;
}

/// <summary>
/// A cell: the inner cells whose persons it counts (or, in a magnitude table, sums over) (<paramref name="Members"/>, positions in <see cref="PersonTable.Inner"/>),
/// and what a reader knows: its count (or sum) lies in [<paramref name="Low"/>, <paramref name="High"/>] (null: no ceiling). A
/// published exact count has Low = High. <paramref name="Hidden"/>: suppressed or redacted, so a count of 1 up to the
/// threshold must stay out of reach.
/// </summary>
public sealed record PersonCell(int Cell, int[] Members, long Low, long? High, bool Hidden)
{
    /// <summary>Whether the interval says anything at all.</summary>
    public bool Constrains => Low > 0 || High is not null;
}
