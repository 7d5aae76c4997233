namespace StatService.Disclosure;

/// <summary>
/// When a connected group of suppressions is big enough to be audited in several shares, and in how many: with one
/// group far larger than the rest, the other cores would otherwise wait. Each share builds the group's program and
/// audits every n-th of its cells; the shares decide exactly as one audit would.
/// </summary>
internal readonly record struct AuditSharing(int SmallestShared, int Shares)
{
    /// <summary>
    /// Groups of 1,000 suppressions or more are audited in two shares, however many cores run them: the shares decide as
    /// one audit would, but the programs they solve, and so the work counted against the budgets, depend on their number.
    /// </summary>
    public static AuditSharing Fixed => new(1000, 2);

    /// <summary>
    /// The audit's pieces of work: one per component, except that a component too big to leave the other cores idle
    /// is shared among them. Each share builds the component's program and audits every n-th of its cells.
    /// </summary>
    public List<(int Component, int Share, int Shares)> Split(SuppressedComponents components, int suppressed)
    {
        var work = new List<(int, int, int)>();
        for (var k = 0; k < components.Count; k++)
        {
            var size = components.Cells(k).Count;
            var shares = Shares > 1 && size >= SmallestShared && size * Shares > suppressed ? Shares : 1;
            for (var share = 0; share < shares; share++)
            {
                work.Add((k, share, shares));
            }
        }

        return work;
    }

    /// <summary>The cells a share leaves to the others (and those already known to be safe).</summary>
    public static bool[]? SkipOthers(bool[]? skip, SuppressedComponents components, int k, int share, int shares)
    {
        if (shares == 1)
        {
            return skip;
        }

        var others = skip is null ? new bool[components.CellCount] : (bool[])skip.Clone();
        var cells = components.Cells(k);
        for (var i = 0; i < cells.Count; i++)
        {
            others[cells[i]] |= i % shares != share;
        }

        return others;
    }
}
