using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Disclosure.AcrossReleases;

namespace StatService.Disclosure.Tests.AcrossReleases;

/// <summary>
/// The joint audit of sums (magnitudes) on hand-made contributors and values, each case checked by arithmetic a reader can
/// do by hand: a sum of 1-4 contributors that two releases together determine within the p % protection level (10 %
/// here) is found and blamed on the new release; one the releases leave wide enough, one of another quantity, or one the
/// new release publishes on its own (the in-table dominance rules' decision) is not.
/// </summary>
public sealed class MagnitudeAuditTests
{
    private const string Ddd2023 = "ddd|A10|2023-01-01|2023-12-31";
    private const string Ddd2022 = "ddd|A10|2022-01-01|2022-12-31";

    private static readonly DisclosurePolicy Policy = DisclosurePolicy.DanishDefault with { Dominance = new DominanceRules([new NkRule(2, 85)], 10) };
    private readonly JointReleaseAudit _audit = new();

    [Fact]
    public void An_exclusion_that_removes_two_contributors_determines_their_sum_and_the_new_sum_is_to_be_hidden()
    {
        // A: 200 contributors of 10 DDD each (2000); B: A without persons 10 and 20, so the difference is their 20 DDD.
        var a = Contributors(Range(0, 200), 10);
        var b = a.Where(c => c.Person is not (10 or 20)).ToArray();

        var findings = _audit.Audit(Release(Sum("b", Ddd2023, b)), [Earlier(Sum("a", Ddd2023, a))], Policy, CancellationToken.None);

        Assert.True(findings.Disclosures >= 1);
        Assert.True(findings.Curable);
        Assert.Equal([("b", 0)], findings.ToHide);
        Assert.Equal(1, findings.ComparedReleases);
    }

    [Fact]
    public void The_same_sum_hidden_leaves_the_two_contributors_undetermined()
    {
        var a = Contributors(Range(0, 200), 10);
        var b = a.Where(c => c.Person is not (10 or 20)).ToArray();

        Assert.True(_audit.Audit(Release(Sum("b", Ddd2023, b, hidden: true)), [Earlier(Sum("a", Ddd2023, a))], Policy, CancellationToken.None).IsClean);
    }

    [Fact]
    public void A_difference_of_five_contributors_may_be_published()
    {
        var a = Contributors(Range(0, 200), 10);

        Assert.True(_audit.Audit(Release(Sum("b", Ddd2023, a[5..])), [Earlier(Sum("a", Ddd2023, a))], Policy, CancellationToken.None).IsClean);
    }

    [Fact]
    public void Sums_of_another_period_are_another_quantity_and_do_not_add_up()
    {
        var a = Contributors(Range(0, 200), 10);
        var b = a.Where(c => c.Person is not (10 or 20)).ToArray();

        Assert.True(_audit.Audit(Release(Sum("b", Ddd2023, b)), [Earlier(Sum("a", Ddd2022, a))], Policy, CancellationToken.None).IsClean);
    }

    [Theory]
    // The period's end a day earlier: the difference is what the shared contributors got on the last day.
    [InlineData("ddd|A10|2023-01-01|2023-12-30")]
    // A medicine inside the group: the difference is the rest of the group.
    [InlineData("ddd|A10BA|2023-01-01|2023-12-31")]
    // Every medicine next to a group, over periods that share one day.
    [InlineData("ddd|*|2023-12-31|2024-06-30")]
    public void A_sum_over_part_of_an_earlier_quantity_of_shared_contributors_is_refused(string overlapping)
    {
        var a = Contributors(Range(0, 200), 10);

        var findings = _audit.Audit(Release(Sum("b", overlapping, a[100..])), [Earlier(Sum("a", Ddd2023, a))], Policy, CancellationToken.None);

        Assert.False(findings.IsClean);
        Assert.False(findings.Curable);
        Assert.Empty(findings.ToHide);
    }

    [Fact]
    public void An_overlapping_quantity_is_found_through_the_ledgers_person_index_too()
    {
        var a = Contributors(Range(0, 200), 10);
        var history = new ReleaseHistory();
        history.Append(1, Earlier(Sum("a", Ddd2023, a)));

        var findings = _audit.Audit(Release(Sum("b", "ddd|A10|2023-01-01|2023-12-30", a[100..])), history.View(Guid.Empty), Policy, CancellationToken.None);

        Assert.False(findings.IsClean);
        Assert.False(findings.Curable);
    }

    [Theory]
    [InlineData("ddd|A10|2024-01-01|2024-12-31")]
    [InlineData("ddd|N02|2023-01-01|2023-12-31")]
    [InlineData("dispensings|A10|2023-01-01|2023-12-31")]
    public void Sums_of_disjoint_periods_or_medicines_or_of_another_measure_add_nothing(string other)
    {
        var a = Contributors(Range(0, 200), 10);

        Assert.True(_audit.Audit(Release(Sum("b", other, a[2..])), [Earlier(Sum("a", Ddd2023, a))], Policy, CancellationToken.None).IsClean);
    }

    [Fact]
    public void Overlapping_quantities_of_different_contributors_add_nothing()
    {
        var findings = _audit.Audit(
            Release(Sum("b", "ddd|A10|2023-01-01|2023-12-30", Contributors(Range(200, 300), 10))),
            [Earlier(Sum("a", Ddd2023, Contributors(Range(0, 200), 10)))],
            Policy,
            CancellationToken.None);

        Assert.True(findings.IsClean);
    }

    [Fact]
    public void A_count_of_persons_bounds_no_sum_and_a_sum_no_count()
    {
        var a = Range(0, 200);
        var b = Contributors(a.Where(p => p is not (10 or 20)).ToArray(), 10);
        var count = new PersonTable("a", [a], [new PersonCell(0, [0], a.Length, a.Length, false)]);

        Assert.True(_audit.Audit(Release(Sum("b", Ddd2023, b)), [Earlier(count)], Policy, CancellationToken.None).IsClean);
        Assert.True(_audit.Audit(Release(count), [Earlier(Sum("b", Ddd2023, b))], Policy, CancellationToken.None).IsClean);
    }

    [Fact]
    public void A_sum_of_three_contributors_the_new_release_publishes_on_its_own_is_the_in_table_rules_decision()
    {
        // By region: region 1 holds 3 contributors (10 + 11 + 12 DDD, none dominant), region 2 the other 197.
        var all = Contributors(Range(0, 200), 10).Select(c => c.Person < 3 ? (c.Person, 10L + c.Person) : c).ToArray();
        var byRegion = Split("by-region", Ddd2023, [all[..3], all[3..]]);

        Assert.True(_audit.Audit(Release(byRegion), [Earlier(Sum("a", Ddd2023, all))], Policy, CancellationToken.None).IsClean);
    }

    [Fact]
    public void A_bound_from_a_hidden_cell_determines_a_pair_within_the_protection_level_only_when_it_is_tight()
    {
        // Earlier: D (2 contributors, 47 + 48 = 95 DDD) with E (100 contributors, 1000 DDD) published as 1095. New: E and F
        // hidden, their total published. E is at most that total, so D is at least 1095 - total: with F = 8 DDD that is 87,
        // above 95 less 10 % (85.5), so D is determined from below; with F = 20 it is 75, and D keeps its protection.
        var d = new (int Person, long Value)[] { (0, 47), (1, 48) };
        var e = Contributors(Range(10, 100), 10);
        var earlier = Earlier(Sum("earlier", Ddd2023, [.. d, .. e]));
        foreach (var (fValue, determined) in new[] { (8L, true), (20L, false) })
        {
            var f = Contributors(Range(200, 4), 1).Append((Person: 204, Value: fValue - 4)).ToArray();
            var findings = _audit.Audit(Release(Split("new", Ddd2023, [e, f], hideInner: true)), [earlier], Policy, CancellationToken.None);

            Assert.Equal(determined, !findings.IsClean);
            Assert.Equal(determined ? [("new", 0)] : [], findings.ToHide);
        }
    }

    [Fact]
    public void The_same_releases_give_the_same_findings_every_time()
    {
        var random = new Random(5);
        var a = Contributors(Range(0, 300), 0).Select(c => (c.Person, Value: (long)random.Next(1, 50))).ToArray();
        var b = a.Where(c => c.Person % 97 != 3).ToArray();
        var earlier = Earlier(Split("a", Ddd2023, [a[..150], a[150..]]));

        (int Person, long Value)[][] halves = [[.. b.Where(c => c.Person < 150)], [.. b.Where(c => c.Person >= 150)]];

        var first = _audit.Audit(Release(Split("b", Ddd2023, halves)), [earlier], Policy, CancellationToken.None);
        var second = _audit.Audit(Release(Split("b", Ddd2023, halves)), [earlier], Policy, CancellationToken.None);

        Assert.False(first.IsClean);
        Assert.Equal(first.ToHide, second.ToHide);
        Assert.Equal(first.Work, second.Work);
    }

    private static int[] Range(int start, int count) => [.. Enumerable.Range(start, count)];

    private static (int Person, long Value)[] Contributors(int[] persons, long value) => [.. persons.Select(p => (p, value))];

    private static PersonTable Sum(string name, string context, (int Person, long Value)[] contributors, bool hidden = false)
    {
        var total = contributors.Sum(c => c.Value);
        return new PersonTable(name, [[.. contributors.Select(c => c.Person)]], [new PersonCell(0, [0], hidden ? 0 : total, hidden ? null : total, hidden)])
        {
            Context = context,
            Values = [[.. contributors.Select(c => c.Value)]],
        };
    }

    /// <summary>A total (cell 0, published) over inner cells 1.. (published, or hidden with <paramref name="hideInner"/>).</summary>
    private static PersonTable Split(string name, string context, (int Person, long Value)[][] groups, bool hideInner = false)
    {
        var total = groups.Sum(g => g.Sum(c => c.Value));
        var cells = groups.Select((g, i) => g.Sum(c => c.Value) is var sum && hideInner
                ? new PersonCell(i + 1, [i], 0, null, true)
                : new PersonCell(i + 1, [i], sum, sum, false))
            .Prepend(new PersonCell(0, [.. Enumerable.Range(0, groups.Length)], total, total, false));
        return new PersonTable(name, [.. groups.Select(g => g.Select(c => c.Person).ToArray())], [.. cells])
        {
            Context = context,
            Values = [.. groups.Select(g => g.Select(c => c.Value).ToArray())],
        };
    }

    private static ReleasePersons Release(params PersonTable[] tables) => new(tables);

    private static RecordedRelease Earlier(params PersonTable[] tables) => new(Guid.NewGuid(), new ReleasePersons(tables));
}
