namespace StatService.Core.Tables;

/// <summary>
/// How a table is laid out for reading, in every deliverable and in the preview before ordering: the dimension with
/// the fewest codes across (the later one on a tie), every other dimension down in the table's order.
/// </summary>
public static class CrossTabRule
{
    /// <summary>The dimension shown as columns, by the code counts of the table's dimensions; null for fewer than two.</summary>
    public static int? Column(IReadOnlyList<int> codeCounts) =>
        codeCounts.Count >= 2
            ? Enumerable.Range(0, codeCounts.Count).OrderBy(d => codeCounts[d]).ThenByDescending(d => d).First()
            : null;
}
