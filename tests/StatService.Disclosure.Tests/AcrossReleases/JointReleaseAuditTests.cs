using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Disclosure.AcrossReleases;

namespace StatService.Disclosure.Tests.AcrossReleases;

/// <summary>
/// The joint audit across releases on hand-made person sets, each case checked by arithmetic a reader can do by hand:
/// what two releases pin together is found and blamed on the new release's published cells; what either side reveals on
/// its own, or what nobody can reach, is not.
/// </summary>
public sealed class JointReleaseAuditTests
{
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.DanishDefault;
    private readonly JointReleaseAudit _audit = new();

    [Fact]
    public void An_exclusion_that_removes_two_persons_pins_them_and_the_new_count_is_to_be_hidden()
    {
        // The domain's example: A = 3382 persons, B = A without the 2 who also have another disease = 3380.
        var a = Range(0, 3382);
        var b = a.Where(p => p is not (10 or 20)).ToArray();

        var findings = _audit.Audit(Release(Published("b", b)), [Earlier(Published("a", a))], Policy, CancellationToken.None);

        Assert.Equal(1, findings.Disclosures);
        Assert.True(findings.Curable);
        Assert.Equal([("b", 0)], findings.ToHide);
        Assert.Equal(1, findings.ComparedReleases);
    }

    [Fact]
    public void The_same_count_hidden_leaves_the_two_persons_out_of_reach()
    {
        var a = Range(0, 3382);
        var b = a.Where(p => p is not (10 or 20)).ToArray();

        var findings = _audit.Audit(Release(Hidden("b", b)), [Earlier(Published("a", a))], Policy, CancellationToken.None);

        Assert.True(findings.IsClean);
    }

    [Fact]
    public void A_difference_of_five_persons_may_be_published()
    {
        var a = Range(0, 200);
        var b = a.Skip(5).ToArray();

        Assert.True(_audit.Audit(Release(Published("b", b)), [Earlier(Published("a", a))], Policy, CancellationToken.None).IsClean);
    }

    [Fact]
    public void Publishing_the_complement_of_a_hidden_pair_in_a_row_pins_the_primary()
    {
        // Earlier: region 1 has 3 persons (primary), region 2 has 10 (secondary), the total 13 is published.
        var r1 = Range(0, 3);
        var r2 = Range(3, 10);
        var earlier = new PersonTable("by-region", [r1, r2],
        [
            new PersonCell(0, [0, 1], 13, 13, false),
            new PersonCell(1, [0], 1, null, true),
            new PersonCell(2, [1], 1, null, true),
        ]);

        // A later order counts exactly region 2's persons under another definition and publishes 10.
        var findings = _audit.Audit(Release(Published("complement", r2)), [Earlier(earlier)], Policy, CancellationToken.None);

        Assert.Equal([("complement", 0)], findings.ToHide);
        Assert.True(findings.Disclosures >= 1);
    }

    [Fact]
    public void What_earlier_releases_disclosed_on_their_own_is_not_blamed_on_a_new_one()
    {
        var a = Range(0, 500);
        var b = a.Where(p => p != 7).ToArray();
        // A new release over a different split of the same persons, every cell of 5 or more.
        var c = new PersonTable("c", [Range(0, 250), Range(250, 250)],
        [
            new PersonCell(0, [0, 1], 500, 500, false),
            new PersonCell(1, [0], 250, 250, false),
            new PersonCell(2, [1], 250, 250, false),
        ]);

        var findings = _audit.Audit(Release(c), [Earlier(Published("a", a)), Earlier(Published("b", b))], Policy, CancellationToken.None);

        Assert.True(findings.IsClean);
        Assert.Equal(2, findings.ComparedReleases);
    }

    [Fact]
    public void Releases_over_other_persons_are_not_read()
    {
        var findings = _audit.Audit(Release(Published("new", Range(0, 50))), [Earlier(Published("other", Range(1000, 3)))], Policy, CancellationToken.None);

        Assert.True(findings.IsClean);
        Assert.Equal(0, findings.ComparedReleases);
        Assert.Equal(0, findings.Work.Programs);
    }

    [Fact]
    public void Cells_known_only_within_bounds_leave_a_small_difference_in_reach_when_the_bounds_are_wide_enough()
    {
        // Rounded to base 5 both ways: 3380..3384 (published 3382) and 3378..3382 (published 3380); the two persons could be 6.
        var a = Range(0, 3382);
        var b = a.Where(p => p is not (10 or 20)).ToArray();
        var rounded = new PersonTable("b", [b], [new PersonCell(0, [0], 3378, 3382, false)]);
        var earlier = new PersonTable("a", [a], [new PersonCell(0, [0], 3380, 3384, false)]);

        Assert.True(_audit.Audit(Release(rounded), [Earlier(earlier)], Policy, CancellationToken.None).IsClean);

        // Exact on one side and within one either side on the other: at most 3.
        var tight = new PersonTable("b", [b], [new PersonCell(0, [0], 3379, 3381, false)]);
        Assert.False(_audit.Audit(Release(tight), [Earlier(Published("a", a))], Policy, CancellationToken.None).IsClean);
    }

    [Fact]
    public void The_same_releases_give_the_same_findings_every_time()
    {
        var random = new Random(11);
        var earlier = Enumerable.Range(0, 6).Select(i => Earlier(Split($"e{i}", Range(0, 400).Where(_ => random.NextDouble() < 0.9).ToArray(), random))).ToList();
        var candidate = Release(Split("new", Range(0, 400).Where(_ => random.NextDouble() < 0.9).ToArray(), random));

        var first = _audit.Audit(candidate, earlier, Policy, CancellationToken.None);
        var second = _audit.Audit(candidate, earlier, Policy, CancellationToken.None);

        Assert.Equal(first.ToHide, second.ToHide);
        Assert.Equal(first.Work, second.Work);
    }

    [Fact]
    public void Points_remembered_from_an_earlier_round_give_the_same_findings_with_fewer_programs()
    {
        var random = new Random(11);
        var earlier = Enumerable.Range(0, 6).Select(i => Earlier(Split($"e{i}", Range(0, 400).Where(_ => random.NextDouble() < 0.9).ToArray(), random))).ToList();
        var candidate = Release(Split("new", Range(0, 400).Where(_ => random.NextDouble() < 0.9).ToArray(), random));
        var memory = new AuditMemory();

        var fresh = _audit.Audit(candidate, earlier, Policy, CancellationToken.None);
        var firstRound = _audit.Audit(candidate, earlier, Policy, memory, CancellationToken.None);
        var nextRound = _audit.Audit(candidate, earlier, Policy, memory, CancellationToken.None);

        Assert.Equal(fresh.ToHide, firstRound.ToHide);
        Assert.Equal(fresh.ToHide, nextRound.ToHide);
        Assert.NotEmpty(memory.Points);
        Assert.True(nextRound.Work.Programs < firstRound.Work.Programs, $"{nextRound.Work.Programs} programs with the points against {firstRound.Work.Programs} without.");
    }

    [Fact]
    public void A_remembered_point_the_new_round_rules_out_clears_nothing()
    {
        // Earlier: X = persons 0-5 (6), Y = persons 4-9 (6). Round one hides Z = persons 0-3 and 6-9: persons 4-5 can be 5
        // (Z then counts 2), and that point is remembered. Round two publishes Z = 8, which pins them at 2: the point no
        // longer fits and must not clear them (no nested pair shows this, only the programs).
        var z = Range(0, 4).Concat(Range(6, 4)).ToArray();
        var earlier = new[] { Earlier(Published("x", Range(0, 6)), Published("y", Range(4, 6))) };
        var memory = new AuditMemory();
        Assert.True(_audit.Audit(Release(Hidden("z", z)), earlier, Policy, memory, CancellationToken.None).IsClean);
        Assert.NotEmpty(memory.Points);

        var findings = _audit.Audit(Release(Published("z", z)), earlier, Policy, memory, CancellationToken.None);

        Assert.Equal([("z", 0)], findings.ToHide);
    }

    [Fact]
    public void A_release_whose_targets_the_program_budget_cannot_all_decide_does_not_pass()
    {
        // An earlier table publishes 500 pairs as they stand (its own business); a new count over all 1,000 persons makes
        // each pair a target that must be decided one by one, far beyond the budget of programs.
        var pairs = Enumerable.Range(0, 500).Select(i => Range(2 * i, 2)).ToArray();
        var earlier = new PersonTable("pairs", pairs, [.. pairs.Select((_, i) => new PersonCell(i, [i], 2, 2, false))]);

        var findings = _audit.Audit(Release(Published("all", Range(0, 1000))), [Earlier(earlier)], Policy, CancellationToken.None);

        Assert.True(findings.Work.Programs >= JointReleaseAudit.ProgramBudget);
        Assert.True(findings.Work.Undecided > 0);
        Assert.False(findings.IsClean);
        Assert.False(findings.Curable);
    }

    [Fact]
    public void An_order_whose_rounds_spend_the_iteration_limit_is_not_curable_and_says_so()
    {
        // Twenty pairs published earlier and a new count over all forty: every pair is a target the programs must decide.
        var pairs = Enumerable.Range(0, 20).Select(i => Range(2 * i, 2)).ToArray();
        var earlier = new[] { Earlier(new PersonTable("pairs", pairs, [.. pairs.Select((_, i) => new PersonCell(i, [i], 2, 2, false))])) };
        var candidate = Release(Published("all", Range(0, 40)));

        var unlimited = new AuditMemory();
        var decided = _audit.Audit(candidate, earlier, Policy, unlimited, CancellationToken.None);
        Assert.True(decided.IsClean);
        Assert.False(decided.Work.Exhausted);
        Assert.True(unlimited.Iterations > 1, $"{unlimited.Iterations} iterations: the case needs no program and shows nothing.");

        var memory = new AuditMemory();
        var limited = new JointReleaseAudit(iterationLimit: 1).Audit(candidate, earlier, Policy, memory, CancellationToken.None);
        Assert.True(limited.Work.Exhausted);
        Assert.True(limited.Work.Undecided > 0);
        Assert.False(limited.IsClean);
        Assert.False(limited.Curable);
        Assert.True(memory.Iterations >= 1);
    }

    [Fact]
    public void Two_tables_of_one_release_that_differ_by_one_person_pin_him_without_any_earlier_release()
    {
        // A group profile: the cohort by sex (343) and the persons with any dispensing by medicine group (342; not additive,
        // a person uses several groups). The total of the second lies inside the cohort: one person uses no medicine.
        var cohort = Range(0, 343);
        var bySex = new PersonTable("age-sex", [Range(0, 146), Range(146, 197)],
        [
            new PersonCell(0, [0, 1], 343, 343, false),
            new PersonCell(1, [0], 146, 146, false),
            new PersonCell(2, [1], 197, 197, false),
        ]);
        var users = cohort.Where(p => p != 100).ToArray();
        var anyOfTwo = users.Count(p => p % 2 == 0 || p % 3 == 0);
        var medication = new PersonTable("medication", [users.Where(p => p % 2 == 0).ToArray(), users.Where(p => p % 3 == 0).ToArray()],
        [
            new PersonCell(0, [0, 1], anyOfTwo, anyOfTwo, false),
            new PersonCell(1, [0], 171, 171, false),
            new PersonCell(2, [1], 114, 114, false),
        ]);
        var everyUser = new PersonTable("medication", [users], [new PersonCell(0, [0], 342, 342, false)]);

        var findings = _audit.Audit(Release(bySex, everyUser), [], Policy, CancellationToken.None);

        Assert.Equal([("medication", 0)], findings.ToHide);
        Assert.Equal(0, findings.ComparedReleases);
        Assert.True(_audit.Audit(Release(bySex, medication), [], Policy, CancellationToken.None).IsClean);
        Assert.True(_audit.Audit(Release(bySex), [], Policy, CancellationToken.None).IsClean);
    }

    /// <summary>Persons split into four cells at random, every cell and the total published.</summary>
    [Fact]
    public void Two_published_cells_over_the_same_persons_that_pin_a_pair_are_both_to_be_hidden_at_once()
    {
        // Earlier: X = persons 0-5 (6) and Y = persons 4-9 (6). New, in two tables: Z = persons 0-3 and 6-9 (8). No pair is
        // nested, but x(0-3) + x(4,5) = 6, x(4,5) + x(6-9) = 6 and x(0-3) + x(6-9) = 8 pin persons 4 and 5 at 2. Hiding
        // only one copy of Z leaves the other: both are found in one audit.
        var z = Range(0, 4).Concat(Range(6, 4)).ToArray();
        var findings = _audit.Audit(
            Release(Published("z", z), Published("z-again", z)), [Earlier(Published("x", Range(0, 6)), Published("y", Range(4, 6)))], Policy,
            CancellationToken.None);

        Assert.True(findings.Curable);
        Assert.Equal([("z", 0), ("z-again", 0)], findings.ToHide);
    }

    private static PersonTable Split(string name, int[] persons, Random random)
    {
        var groups = persons.GroupBy(_ => random.Next(4)).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var cells = groups.Select((g, i) => new PersonCell(i + 1, [i], g.Length, g.Length, false))
            .Prepend(new PersonCell(0, [.. Enumerable.Range(0, groups.Length)], persons.Length, persons.Length, false));
        return new PersonTable(name, groups, [.. cells]);
    }

    private static int[] Range(int start, int count) => [.. Enumerable.Range(start, count)];

    private static PersonTable Published(string name, int[] persons) =>
        new(name, [persons], [new PersonCell(0, [0], persons.Length, persons.Length, false)]);

    private static PersonTable Hidden(string name, int[] persons) =>
        new(name, [persons], [new PersonCell(0, [0], 1, null, true)]);

    private static ReleasePersons Release(params PersonTable[] tables) => new(tables);

    private static RecordedRelease Earlier(params PersonTable[] tables) => new(Guid.NewGuid(), new ReleasePersons(tables));
}
