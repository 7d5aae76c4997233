using StatService.Core.Disclosure;
using StatService.Core.Tables;

namespace StatService.Disclosure.Tests;

/// <summary>Property: on random additive tables with many small counts, the independent attacker never wins.</summary>
public class RandomTableTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_attacker_never_wins(int seed)
    {
        var random = new Random(seed);
        var table = TestTables.Random(random);
        var policy = (seed % 5) switch
        {
            0 => DisclosurePolicy.DanishDefault with { Name = "zeros-sensitive", ZerosSensitive = true },
            1 => DisclosurePolicy.DanishDefault with { Name = "cell-value", Loss = InformationLoss.CellValue },
            2 => DisclosurePolicy.DanishDefault with { Name = "max-2", MaxSensitiveCount = 2 },
            3 => DisclosurePolicy.DanishDefault with { Name = "zeros-may-be-hidden", ZerosMayBeHidden = true },
            _ => DisclosurePolicy.DanishDefault,
        };

        // Every one of these tables has a safe pattern under its policy: a refusal here is a failure, not a way out.
        var release = new SuppressionEngine().Protect([table], policy);

        var small = release.Tables[0].SuppressedCount <= 12;
        ReleaseAssertions.AssertSafe(release, [table], policy, wholeNumbers: small);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(release.Tables[0], policy);
    }

    /// <summary>
    /// Seed 13 has empty cells below two singletons of different persons (a row of one person crossing a column of
    /// another): both holders know those cells without any release, so neither learning them is a disclosure.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Protects_a_table_whose_empty_cells_two_singleton_holders_know(bool zerosSensitive)
    {
        var table = TestTables.Random(new Random(13));
        var policy = zerosSensitive
            ? DisclosurePolicy.DanishDefault with { Name = "zeros-sensitive", ZerosSensitive = true }
            : DisclosurePolicy.DanishDefault with { Name = "zeros-may-be-hidden", ZerosMayBeHidden = true };

        var release = new SuppressionEngine().Protect([table], policy);

        ReleaseAssertions.AssertSafe(release, [table], policy, wholeNumbers: release.Tables[0].SuppressedCount <= 12);
        ReleaseAssertions.AssertSingletonHoldersLearnNothing(release.Tables[0], policy);
    }

    [Fact]
    public void Protects_the_tables_of_one_release_together()
    {
        var random = new Random(99);
        CountTable[] tables = [TestTables.Random(random), TestTables.Random(random), TestTables.RegionBySex()];

        var release = new SuppressionEngine().Protect(tables, DisclosurePolicy.DanishDefault);

        ReleaseAssertions.AssertSafe(release, tables, DisclosurePolicy.DanishDefault);
        Assert.Equal(release.Summary.SuppressedCells, release.Audit!.Cells.Count);
        Assert.All(release.Audit.Cells, b => Assert.Equal(CellStatus.Suppressed, release.Tables[b.Table].Status[b.Cell]));
    }

    [Fact]
    public void The_same_table_always_gets_the_same_pattern()
    {
        var table = TestTables.Random(new Random(7), maxLeaves: 6);

        var first = new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault);
        var second = new SuppressionEngine().Protect([table], DisclosurePolicy.DanishDefault);

        Assert.Equal(first.Tables[0].Status, second.Tables[0].Status);
    }
}
