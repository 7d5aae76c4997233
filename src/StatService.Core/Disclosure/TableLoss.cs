namespace StatService.Core.Disclosure;

/// <summary>
/// What one table lost to disclosure control. <see cref="Adjusted"/> counts published cells whose value the method
/// changed (rounded or perturbed). <see cref="ShareOfTotalHidden"/> is the suppressed inner cells' share of the grand
/// total, given only where the published table already implies it (a published grand total of an additive table with
/// exact published cells): elsewhere it would tell the requester something about the hidden cells.
/// </summary>
public sealed record TableLoss(string Table, int Cells, int Primary, int Secondary, int Adjusted, double? ShareOfTotalHidden)
{
    public int Suppressed => Primary + Secondary;

    public double ShareOfCellsSuppressed => Cells == 0 ? 0 : (double)Suppressed / Cells;

    public double ShareOfCellsAdjusted => Cells == 0 ? 0 : (double)Adjusted / Cells;
}
