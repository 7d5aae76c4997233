namespace StatService.Core.Disclosure;

/// <summary>Cells of a release that are sensitive by a rule the threshold cannot see (dominance), by table position and cell index.</summary>
public sealed record SensitiveCells(IReadOnlyList<bool[]?> ByTable)
{
    public bool Contains(int table, int cell) =>
        table < ByTable.Count && ByTable[table] is { } cells && cells[cell];

    public int Count => ByTable.Sum(t => t?.Count(s => s) ?? 0);
}
