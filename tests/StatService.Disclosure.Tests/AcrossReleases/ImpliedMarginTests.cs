using StatService.Core.Ledger;
using StatService.Disclosure.AcrossReleases;

namespace StatService.Disclosure.Tests.AcrossReleases;

/// <summary>
/// An earlier table's margin is left out of the joint audit's programs only when its exact inner cells imply it: each
/// case below changes one condition and must keep the margin.
/// </summary>
public sealed class ImpliedMarginTests
{
    private static readonly int[][] Inner = [[0, 1, 2], [3, 4, 5, 6], [7, 8]];

    [Fact]
    public void A_total_of_exact_disjoint_inner_cells_is_implied()
    {
        Assert.Equal([0], Implied(Table(Inner, Exact(0, [0, 1, 2], 9), Exact(1, [0], 3), Exact(2, [1], 4), Exact(3, [2], 2))));
    }

    [Fact]
    public void A_total_over_a_hidden_inner_cell_is_kept()
    {
        var hidden = new PersonCell(3, [2], 1, null, true);
        Assert.Empty(Implied(Table(Inner, Exact(0, [0, 1, 2], 9), Exact(1, [0], 3), Exact(2, [1], 4), hidden)));
    }

    [Fact]
    public void A_rounded_total_is_kept()
    {
        var rounded = new PersonCell(0, [0, 1, 2], 8, 12, false);
        Assert.Empty(Implied(Table(Inner, rounded, Exact(1, [0], 3), Exact(2, [1], 4), Exact(3, [2], 2))));
    }

    [Fact]
    public void A_total_of_overlapping_inner_cells_is_kept()
    {
        // A person in two groups (medicine groups, say): the total counts persons, not the sum of the groups.
        int[][] overlapping = [[0, 1, 2], [2, 3, 4, 5, 6], [7, 8]];
        Assert.Empty(Implied(Table(overlapping, Exact(0, [0, 1, 2], 9), Exact(1, [0], 3), Exact(2, [1], 5), Exact(3, [2], 2))));
    }

    [Fact]
    public void A_total_over_an_inner_cell_not_published_on_its_own_is_kept()
    {
        Assert.Empty(Implied(Table(Inner, Exact(0, [0, 1, 2], 9), Exact(1, [0], 3), Exact(2, [1], 4))));
    }

    private static HashSet<int> Implied(PersonTable table)
    {
        var tables = new List<AuditedTable> { new(0, table) };
        var atoms = AtomPartition.Of(tables, 9);
        return JointReleaseAudit.ImpliedMargins(table, atoms, 0);
    }

    private static PersonTable Table(int[][] inner, params PersonCell[] cells) => new("t", inner, cells);

    private static PersonCell Exact(int cell, int[] members, long count) => new(cell, members, count, count, false);
}
