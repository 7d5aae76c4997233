namespace StatService.Core.Ledger;

/// <summary>
/// What one order's audits carry from one round of protection to the next: points the attacker cannot rule out (sizes
/// of every atom) that showed targets in reach. The next round's atoms are the same (the same tables over the same
/// persons; only which cells are hidden changes), so a point that still satisfies every row of the new round clears its
/// targets without a linear program. A point is only ever trusted after it is checked against the round's own rows.
/// </summary>
public sealed class AuditMemory
{
    /// <summary>Points kept at most: the newest replace the oldest.</summary>
    public const int Capacity = 512;

    private readonly Queue<double[]> _points = new();

    /// <summary>
    /// The audit's own work that depends only on whom the tables count and on the earlier releases (which earlier tables
    /// join, the atoms): the same in every round of one order, so the audit keeps it here and checks that both still match
    /// before using it. Opaque to everyone else.
    /// </summary>
    public object? Persons { get; set; }

    public IEnumerable<double[]> Points => _points;

    /// <summary>Simplex iterations the order's audits have spent so far: counted work, held against the audit's limit.</summary>
    public long Iterations { get; set; }

    public void Remember(double[] point)
    {
        if (_points.Count == Capacity)
        {
            _points.Dequeue();
        }

        _points.Enqueue(point);
    }
}
