using StatService.TestSupport.Attacks;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// The attacker can fail: the same attack-class orders run through the service's pipeline with no ledger (each release
/// protected only against itself, as the offline benchmark runs orders) disclose small groups in several classes, and
/// the attacker finds them. Nothing here depends on how protection across releases is built.
/// </summary>
[Collection(AttackExtractCollection.Name)]
public sealed class NegativeControlTests(AttackExtract extract, ITestOutputHelper output)
{
    [Fact]
    public async Task Without_protection_across_releases_the_attacker_finds_small_groups_in_several_classes()
    {
        using var pipeline = new LedgerlessPipeline(extract);
        var classes = new AttackClasses(extract.Rows);
        var leaking = new List<string>();
        foreach (var name in AttackClasses.Names)
        {
            var releases = new List<ReleaseRead>();
            foreach (var order in classes.Orders(name))
            {
                var release = await pipeline.ReleaseAsync(order);
                Assert.True(release is not null, $"{order} is refused even alone.");
                releases.Add(ReleaseReading.Read(release.Value, extract.Rows, extract.ChapterOf));
            }

            var report = ReleaseSetAttacker.Attack(releases);
            output.WriteLine($"{name}: {report.Describe()}");
            Assert.Empty(report.Mismatches);
            if (report.Findings.Count > 0)
            {
                leaking.Add(name);
            }
        }

        output.WriteLine($"classes that disclose without a ledger: {string.Join(", ", leaking)}");
        Assert.True(leaking.Count >= 5, $"Only {leaking.Count} classes disclose without a ledger: {string.Join(", ", leaking)}.");
    }
}
