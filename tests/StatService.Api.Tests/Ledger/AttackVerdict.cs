using StatService.TestSupport.Attacks;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>The independent attacker's verdict on what a set of orders delivered: no group of 1-4 persons pinned or provably small.</summary>
internal static class AttackVerdict
{
    public static void AssertNoDisclosure(
        string label, IReadOnlyList<OrderOutcome> outcomes, AttackExtract extract, ITestOutputHelper output, bool denominators = true)
    {
        var releases = Read(outcomes, extract, denominators);
        // The recomputation must agree with every published number before the attacker's programs mean anything.
        var mismatches = releases.SelectMany(r => r.Mismatches).ToList();
        Assert.True(mismatches.Count == 0, $"{label}: {mismatches.Count} published numbers disagree with the recomputation: {string.Join("; ", mismatches.Take(6))}");
        var report = ReleaseSetAttacker.Attack(releases);
        var statuses = outcomes.GroupBy(o => o.Status).Select(g => $"{g.Count()} {g.Key}");
        var message = $"{label}: {string.Join(", ", statuses)}; {report.Describe()}";
        output.WriteLine(message);
        Assert.True(report.Findings.Count == 0, message);
    }

    /// <summary>What the attacker finds, asserting nothing: for the gaps the closing figures report.</summary>
    public static AttackReport Attack(IReadOnlyList<OrderOutcome> outcomes, AttackExtract extract, bool denominators) =>
        ReleaseSetAttacker.Attack(Read(outcomes, extract, denominators));

    private static ReleaseRead[] Read(IReadOnlyList<OrderOutcome> outcomes, AttackExtract extract, bool denominators) =>
        [.. outcomes.Where(o => o.Release is not null).Select(o => ReleaseReading.Read(o.Release!.Value, extract.Rows, extract.ChapterOf, denominators: denominators))];
}
