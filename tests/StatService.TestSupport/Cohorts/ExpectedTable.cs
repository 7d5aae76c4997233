namespace StatService.TestSupport.Cohorts;

/// <summary>One person's contribution to a cell of an expected table.</summary>
public sealed record ExpectedRecord(string Pnr, string[] Codes, long Value);

/// <summary>
/// A table computed independently in C#: a cell (margins included, <c>total</c> matching every code) is the
/// sum of the values of the records it covers, or, for tables where a person can be in several cells,
/// the number of distinct persons among them.
/// </summary>
public sealed record ExpectedTable(string Name, IReadOnlyList<string> Dimensions, IReadOnlyList<ExpectedRecord> Records, bool DistinctPersons = false)
{
    public long ValueAt(IReadOnlyList<string> codes)
    {
        var covered = Records.Where(r => codes.Select((c, d) => c == SpecCodes.Total || c == r.Codes[d]).All(x => x));
        return DistinctPersons ? covered.Select(r => r.Pnr).Distinct().Count() : covered.Sum(r => r.Value);
    }

    /// <summary>
    /// The cell's key as cell-key perturbation defines it: the record keys of the distinct persons the cell counts,
    /// summed modulo 2^32 (a person in several groups of a non-additive table counts once in their total).
    /// </summary>
    public uint KeySumAt(IReadOnlyList<string> codes, Func<string, uint> recordKey) =>
        Records.Where(r => codes.Select((c, d) => c == SpecCodes.Total || c == r.Codes[d]).All(x => x))
            .Select(r => r.Pnr).Distinct()
            .Aggregate(0u, (sum, pnr) => unchecked(sum + recordKey(pnr)));

    /// <summary>The distinct persons a cell counts.</summary>
    public IReadOnlySet<string> PersonsAt(IReadOnlyList<string> codes) =>
        Records.Where(r => codes.Select((c, d) => c == SpecCodes.Total || c == r.Codes[d]).All(x => x)).Select(r => r.Pnr).ToHashSet(StringComparer.Ordinal);
}
