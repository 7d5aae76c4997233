using StatService.Core.Disclosure;
using StatService.Core.Ledger;
using StatService.Core.Tables;

namespace StatService.Core.Tests.Ledger;

/// <summary>
/// The domain's example in small: an earlier release published everyone with a diagnosis (8); a new one counts the men
/// with it by region (7 in all). Which new cells the difference makes sensitive, and whether a protected release still
/// discloses it.
/// </summary>
public sealed class DifferencingCheckTests
{
    private const string Context = "diagnosis X, 2021-2023";
    private static readonly DisclosurePolicy Policy = DisclosurePolicy.DanishDefault;
    private static readonly TableDimension Region = TableDimension.Flat("region", "Total", [("1081", "North"), ("1082", "Central")]);
    private static readonly PersonSet Everyone = new(Context, CodeSet.All, AgeSpan.Any, CodeSet.All);
    private static readonly PersonSet Men = Everyone with { Sexes = CodeSet.Of(["male"]) };
    private static readonly Guid EarlierOrder = Guid.NewGuid();

    [Fact]
    public void A_new_cell_inside_an_earlier_one_that_differs_by_one_to_four_needs_a_floor_low_enough()
    {
        var (tables, sets) = MenByRegion(5, 2);

        var needs = DifferencingCheck.Needs(tables, sets, [Earlier(Everyone, 8)], Policy);

        // The men's total differs from everyone by 1 (a woman); their regions lie inside everyone too, but differ by 3 and 6:
        // 3 is sensitive as well (those not in 1081), 6 is not.
        Assert.Equal(
            [new DifferencingPrimary(0, 0, null, 8 - 5), new DifferencingPrimary(0, 1, null, 8 - 5)],
            needs.Cells);
    }

    [Fact]
    public void A_new_cell_holding_an_earlier_one_needs_a_ceiling_high_enough()
    {
        var (tables, sets) = MenByRegion(5, 2);
        var menInNorth = Men with { Regions = CodeSet.Of(["1081"]) };
        sets[0] = sets[0].Select(s => s is null ? null : s with { Sexes = CodeSet.All }).ToArray(); // now everyone by region

        var needs = DifferencingCheck.Needs(tables, sets, [Earlier(menInNorth, 5)], Policy);

        // Everyone in 1081 (5) holds the men in 1081 (5): difference 0, published as zeros are; the total (7) holds them
        // with a difference of 2: its ceiling must reach 5 + 5.
        Assert.Equal([new DifferencingPrimary(0, 0, 5 + 5, null)], needs.Cells);
    }

    [Fact]
    public void Cells_that_do_not_nest_or_differ_by_the_threshold_or_more_need_nothing()
    {
        var (tables, sets) = MenByRegion(9, 6);
        var women = Everyone with { Sexes = CodeSet.Of(["female"]) };
        var otherDiagnosis = Everyone with { Context = "diagnosis Y" };

        Assert.True(DifferencingCheck.Needs(tables, sets, [Earlier(women, 6), Earlier(otherDiagnosis, 16), Earlier(Everyone, 20)], Policy).IsEmpty);
        // The same persons published again with the same count: no group between them.
        Assert.True(DifferencingCheck.Needs(tables, sets, [Earlier(Men, 15)], Policy).IsEmpty);
    }

    [Fact]
    public void An_earlier_count_of_the_same_persons_acts_as_a_published_margin()
    {
        // The men (12) were published before; the new table's 1081 cell (9) then gives the men in 1082 (3), whatever the
        // new release does with its own total.
        var (tables, sets) = MenByRegion(9, 3);

        Assert.Equal([new DifferencingPrimary(0, 1, null, 12 - 5)], DifferencingCheck.Needs(tables, sets, [Earlier(Men, 12)], Policy).Cells);
    }

    [Fact]
    public void With_zeros_sensitive_a_difference_of_nobody_is_sensitive_too()
    {
        var (tables, sets) = MenByRegion(9, 6);
        var strict = Policy with { ZerosSensitive = true };

        Assert.True(DifferencingCheck.Needs(tables, sets, [Earlier(Everyone, 15)], Policy).IsEmpty);
        Assert.Equal([0], DifferencingCheck.Needs(tables, sets, [Earlier(Everyone, 15)], strict).Cells.Select(c => c.Cell));
    }

    [Fact]
    public void A_published_cell_that_differs_by_one_to_four_is_a_disclosure()
    {
        var (tables, sets) = MenByRegion(5, 2);
        var release = Protected(tables[0], published: [true, true, false], bounds: null);

        var findings = DifferencingCheck.Verify(release, sets, [Earlier(Everyone, 8)], Policy);

        Assert.Contains(new DifferencingFinding(0, 0, DifferencingFindingKind.Published), findings);
    }

    [Fact]
    public void A_hidden_cell_passes_only_when_its_bounds_leave_the_difference_room_to_reach_the_threshold()
    {
        var (tables, sets) = MenByRegion(5, 2);
        var earlier = new[] { Earlier(Everyone, 8) };

        // Men between 2 and 20: women between 0 and 6, which reaches 5.
        var wide = Protected(tables[0], published: [false, false, false], bounds: [(0, 2, 20), (1, 1, 18), (2, 1, 18)]);
        Assert.Empty(DifferencingCheck.Verify(wide, sets, earlier, Policy));

        // Men at least 6: women at most 2.
        var narrow = Protected(tables[0], published: [false, false, false], bounds: [(0, 6, 20), (1, 1, 18), (2, 1, 18)]);
        Assert.Contains(new DifferencingFinding(0, 0, DifferencingFindingKind.TooNarrow), DifferencingCheck.Verify(narrow, sets, earlier, Policy));

        // Without bounds nothing shows that the women are protected.
        var unknown = Protected(tables[0], published: [false, false, false], bounds: null);
        Assert.Contains(new DifferencingFinding(0, 0, DifferencingFindingKind.Unverified), DifferencingCheck.Verify(unknown, sets, earlier, Policy));
    }

    [Fact]
    public void The_releases_compared_are_the_distinct_earlier_orders()
    {
        var other = Guid.NewGuid();
        Assert.Equal(2, DifferencingCheck.ComparedReleases([Earlier(Everyone, 8), Earlier(Men, 7), Earlier(Men, 7) with { OrderId = other }]));
    }

    [Fact]
    public void A_ledger_that_contradicts_a_nesting_stops_the_check()
    {
        var (tables, sets) = MenByRegion(5, 2);

        // Everyone can never be fewer than the men among them.
        Assert.Throws<InvalidOperationException>(() => DifferencingCheck.Needs(tables, sets, [Earlier(Everyone, 6)], Policy));
    }

    [Fact]
    public void Requirements_merge_to_the_stricter_and_cover_the_weaker()
    {
        var loose = new DifferencingPrimaries([new DifferencingPrimary(0, 1, null, 4)]);
        var strict = new DifferencingPrimaries([new DifferencingPrimary(0, 1, 9, 2)]);

        Assert.True(strict.Covers(loose));
        Assert.False(loose.Covers(strict));
        Assert.Equal([new DifferencingPrimary(0, 1, 9, 2)], loose.Union(strict).Cells);
        Assert.True(loose.Covers(DifferencingPrimaries.None));
    }

    /// <summary>A table of the men by region: total, then the regions.</summary>
    private static (CountTable[] Tables, PersonSet?[][] Sets) MenByRegion(long north, long central)
    {
        var table = new CountTable("men", [Region], [north + central, north, central]);
        PersonSet?[] sets = [Men, Men with { Regions = CodeSet.Of(["1081"]) }, Men with { Regions = CodeSet.Of(["1082"]) }];
        return ([table], [sets]);
    }

    private static LedgerCell Earlier(PersonSet set, long value) => new(EarlierOrder, "patient-count", "patient-count", string.Empty, set, value);

    private static ProtectedRelease Protected(CountTable table, bool[] published, (int Cell, long Lower, long? Upper)[]? bounds)
    {
        var status = published.Select(p => p ? CellStatus.Published : CellStatus.Suppressed).ToArray();
        var summary = new DisclosureSummary("rule", "danish-default", 0, 0, AuditPassed: true, 0);
        return new ProtectedRelease([new ProtectedTable(table, status)], summary)
        {
            Audit = bounds is null ? null : new AuditReport(bounds.Select(b => new SuppressedCellBounds(0, b.Cell, b.Lower, b.Upper)).ToArray()),
        };
    }
}
