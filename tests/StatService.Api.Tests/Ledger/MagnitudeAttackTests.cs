using StatService.TestSupport.Attacks;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// Sums of a small group across releases: custom-table orders of one quantity that differ a little, sent over HTTP to the
/// real service, judged by an attacker that shares no code with the service (its own recomputed contributors and values,
/// atoms and programs): no sum of 1-4 contributors may be determined within 10 %. The same orders through the pipeline
/// without a ledger (each release protected alone, as before sums were checked) must let the attacker find the sum, so
/// that each class is shown able to fail.
/// </summary>
[Collection(AttackExtractCollection.Name)]
public sealed class MagnitudeAttackTests(AttackExtract extract, ITestOutputHelper output)
{
    public static TheoryData<string> Classes() => new(MagnitudeAttackClasses.Names);

    public static TheoryData<string> PostgresClasses() => new("ddd-diagnosis-exclusion");

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task Without_the_ledger_the_attacker_determines_a_small_sum(string attackClass)
    {
        using var pipeline = new LedgerlessPipeline(extract);
        var releases = new List<MagnitudeRead>();
        foreach (var order in Orders(attackClass))
        {
            var release = await pipeline.ReleaseAsync(order);
            Assert.True(release is not null, $"{order} is refused even alone.");
            releases.Add(MagnitudeReading.Read(release.Value, extract.Rows)!);
        }

        var report = MagnitudeAttacker.Attack(releases);
        output.WriteLine($"{attackClass} without the ledger: {report.Describe()}");
        Assert.Empty(report.Mismatches);
        Assert.NotEmpty(report.Findings);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public Task Orders_of_one_class_determine_no_small_sum(string attackClass) => AttackAsync(attackClass, "sqlite");

    [Theory]
    [MemberData(nameof(PostgresClasses))]
    public Task Orders_of_one_class_determine_no_small_sum_on_postgresql(string attackClass) => AttackAsync(attackClass, "postgresql");

    private async Task AttackAsync(string attackClass, string provider)
    {
        var orders = Orders(attackClass);
        await using var service = await AttackService.StartAsync(extract.Directory, provider);
        var outcomes = await service.RunAsync(orders);
        var releases = outcomes.Where(o => o.Release is not null).Select(o => MagnitudeReading.Read(o.Release!.Value, extract.Rows)!).ToList();
        var report = MagnitudeAttacker.Attack(releases);
        var message = $"{attackClass}: {string.Join(", ", outcomes.Select(o => o.Status))}; {report.Describe()}";
        output.WriteLine(message);
        Assert.Empty(report.Mismatches);
        Assert.True(report.Findings.Count == 0, message);
        // The first order meets no earlier one: it is delivered as it would be alone.
        Assert.Equal("delivered", outcomes[0].Status);
    }

    private IReadOnlyList<AttackOrder> Orders(string attackClass)
    {
        var orders = new MagnitudeAttackClasses(extract.Rows).Orders(attackClass);
        Assert.True(orders.Count > 0, $"The extract offers no pair of orders of the class {attackClass} whose contributors differ by 1-4 persons.");
        foreach (var order in orders)
        {
            output.WriteLine($"order: {order}");
        }

        return orders;
    }
}
