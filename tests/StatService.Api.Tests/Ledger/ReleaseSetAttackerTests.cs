using StatService.TestSupport.Attacks;

namespace StatService.Api.Tests.Ledger;

/// <summary>The attacker on releases written by hand, whose persons and answers are known.</summary>
public sealed class ReleaseSetAttackerTests
{
    private static readonly string[] Everyone = Enumerable.Range(0, 3382).Select(i => $"p{i}").ToArray();

    [Fact]
    public void A_count_and_the_same_count_less_an_exclusion_pin_the_two_excluded()
    {
        // A: "DE11, 18+" = 3382; B: the same excluding DD86 = 3380: the two with DD86 are an atom of 2, pinned.
        var a = Release("A", Cell("total", Everyone, published: true));
        var b = Release("B", Cell("total", Everyone[2..], published: true));

        var report = ReleaseSetAttacker.Attack([a, b]);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("pinned group", 2), (finding.Kind, finding.TrueSize));
        Assert.Equal(2, finding.Lowest, 6);
        Assert.Equal(2, finding.Highest, 6);
    }

    [Fact]
    public void With_the_later_count_hidden_nothing_is_pinned()
    {
        var a = Release("A", Cell("total", Everyone, published: true));
        var b = Release("B", Cell("total", Everyone[2..], published: false));

        Assert.Empty(ReleaseSetAttacker.Attack([a, b]).Findings);
    }

    [Fact]
    public void A_row_with_two_hidden_cells_falls_when_the_complement_is_published_elsewhere()
    {
        // Row: 3 + 9 + 20 = 32, the 3 and the 9 hidden; a second release publishes the 9 alone: the 3 is pinned.
        var persons = Enumerable.Range(0, 32).Select(i => $"q{i}").ToArray();
        var row = Release("row",
            Cell("total", persons, published: true), Cell("a", persons[..3], published: false),
            Cell("b", persons[3..12], published: false), Cell("c", persons[12..], published: true));

        Assert.Empty(ReleaseSetAttacker.Attack([row]).Findings);

        var complement = Release("complement", Cell("total", persons[3..12], published: true));
        var findings = ReleaseSetAttacker.Attack([row, complement]).Findings;
        Assert.Contains(findings, f => f.Kind == "pinned hidden cell" && f.TrueSize == 3);
    }

    [Fact]
    public void A_published_count_below_five_is_reported_as_it_stands()
    {
        // The same two persons are also an atom pinned by that count: the attacker may name them both ways.
        var findings = ReleaseSetAttacker.Attack([Release("A", Cell("total", ["x", "y"], published: true))]).Findings;
        Assert.Contains(findings, f => f.Kind == "published small count" && f.TrueSize == 2);
    }

    [Fact]
    public void Many_small_atoms_that_can_each_reach_five_are_cleared_without_a_finding()
    {
        // 40 disjoint cells of 3 hidden, under a published total with one published big cell: every small cell can be 5 or more.
        var small = Enumerable.Range(0, 40).Select(c => Enumerable.Range(0, 3).Select(i => $"s{c}-{i}").ToArray()).ToArray();
        var big = Enumerable.Range(0, 200).Select(i => $"b{i}").ToArray();
        var cells = small.Select((p, i) => Cell($"s{i}", p, published: false)).Append(Cell("big", big, published: false))
            .Append(Cell("total", small.SelectMany(p => p).Concat(big).ToArray(), published: true)).ToArray();

        var report = ReleaseSetAttacker.Attack([Release("A", cells)]);

        Assert.Empty(report.Findings);
        Assert.True(report.SolvedOneByOne < report.Targets, "The batch should clear most targets at once.");
    }

    private static ReleaseRead Release(string name, params (string Code, string[] Persons, bool Published)[] cells) =>
        new(name, "hand-made", cells.Select(c => new ReleaseCell(name, "t", new Dictionary<string, string> { ["code"] = c.Code }, !c.Published,
            c.Published ? c.Persons.Length : 1, c.Published ? c.Persons.Length : double.PositiveInfinity,
            c.Published ? c.Persons.Length : null, c.Persons.ToHashSet())).ToArray(), []);

    private static (string, string[], bool) Cell(string code, string[] persons, bool published) => (code, persons, published);
}
