namespace StatService.Core.Disclosure;

/// <summary>The information-loss report of a release: every table, and the release as a whole.</summary>
public sealed record ReleaseLoss(IReadOnlyList<TableLoss> Tables, double? ShareOfTotalHidden)
{
    public int Cells => Tables.Sum(t => t.Cells);

    public int Primary => Tables.Sum(t => t.Primary);

    public int Secondary => Tables.Sum(t => t.Secondary);

    public int Suppressed => Tables.Sum(t => t.Suppressed);

    public int Adjusted => Tables.Sum(t => t.Adjusted);

    public double ShareOfCellsSuppressed => Cells == 0 ? 0 : (double)Suppressed / Cells;

    public double ShareOfCellsAdjusted => Cells == 0 ? 0 : (double)Adjusted / Cells;
}
