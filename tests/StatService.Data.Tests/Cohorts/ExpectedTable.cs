using StatService.Core.Tables;

namespace StatService.Data.Tests.Cohorts;

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
        var covered = Records.Where(r => codes.Select((c, d) => c == TableDimension.TotalCode || c == r.Codes[d]).All(x => x));
        return DistinctPersons ? covered.Select(r => r.Pnr).Distinct().Count() : covered.Sum(r => r.Value);
    }

    /// <summary>
    /// The cell's key as cell-key perturbation defines it: the record keys of the distinct persons the cell counts,
    /// summed modulo 2^32 (a person in several groups of a non-additive table counts once in their total).
    /// </summary>
    public uint KeySumAt(IReadOnlyList<string> codes, Func<string, uint> recordKey) =>
        Records.Where(r => codes.Select((c, d) => c == TableDimension.TotalCode || c == r.Codes[d]).All(x => x))
            .Select(r => r.Pnr).Distinct()
            .Aggregate(0u, (sum, pnr) => unchecked(sum + recordKey(pnr)));

    /// <summary>Every cell of the query's table equals the independent value; the table has exactly the expected dimensions.</summary>
    public void AssertEqual(CountTable table)
    {
        Assert.Equal(Name, table.Name);
        Assert.Equal(Dimensions, table.Dimensions.Select(d => d.Name));
        for (var cell = 0; cell < table.CellCount; cell++)
        {
            var codes = Enumerable.Range(0, table.Dimensions.Count).Select(d => table.Dimensions[d].Codes[table.CodeIndex(cell, d)].Code).ToArray();
            Assert.True(ValueAt(codes) == table.Values[cell], $"{Name} [{string.Join(", ", codes)}]: query {table.Values[cell]}, independent {ValueAt(codes)}");
        }

        // No record falls outside the table's codes (e.g. a medicine group the query left out).
        foreach (var record in Records)
        {
            for (var d = 0; d < Dimensions.Count; d++)
            {
                Assert.True(table.Dimensions[d].IndexOf(record.Codes[d]) >= 0, $"{Name}: code {record.Codes[d]} of {Dimensions[d]} is missing.");
            }
        }
    }
}
