using StatService.TestSupport.Attacks;
using StatService.TestSupport.Cohorts;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// Two sums of overlapping parts of one quantity: the DDD of antidiabetics over a period, and over the same period a day
/// shorter (index date held, so the cohort's ages stay). Subtracted, the two published totals give the sum of the persons
/// whose values differ (their last day's dispensings, or all of a person diagnosed only that day): the pair is searched
/// with the independent recomputation so that 1-4 persons differ. Without the ledger both totals are published and the
/// subtraction determines that small sum exactly; over HTTP with the ledger, no two published totals may do so.
/// </summary>
[Collection(AttackExtractCollection.Name)]
public sealed class OverlappingSumsAttackTests(AttackExtract extract, ITestOutputHelper output)
{
    [Fact]
    public async Task Without_the_ledger_the_two_totals_determine_a_small_sum()
    {
        var orders = Pair();
        using var pipeline = new LedgerlessPipeline(extract);
        var totals = new List<long?>();
        foreach (var order in orders)
        {
            var release = await pipeline.ReleaseAsync(order);
            Assert.True(release is not null, $"{order} is refused even alone.");
            totals.Add(Total(MagnitudeReading.Read(release.Value, extract.Rows)!));
        }

        var (persons, sum) = Difference(orders);
        output.WriteLine($"without the ledger: totals {string.Join(" and ", totals)}; {persons} persons differ, by {sum} DDD");
        Assert.All(totals, t => Assert.NotNull(t));
        Assert.Equal(sum, totals[0]!.Value - totals[1]!.Value);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task With_the_ledger_no_two_published_totals_determine_a_small_sum(string provider)
    {
        var orders = Pair();
        await using var service = await AttackService.StartAsync(extract.Directory, provider);
        var outcomes = await service.RunAsync(orders);
        var totals = outcomes.Select(o => o.Release is { } release ? Total(MagnitudeReading.Read(release, extract.Rows)!) : null).ToList();
        output.WriteLine($"{provider}: {string.Join(", ", outcomes.Select(o => o.Status))}; totals {string.Join(" and ", totals)}");

        Assert.Equal("delivered", outcomes[0].Status);
        Assert.False(totals.All(t => t is not null), "Both totals are published: their difference is the sum of 1-4 persons.");
    }

    /// <summary>The first end date (searched back from the coverage's end) whose day-shorter twin differs in 1-4 persons' values.</summary>
    private AttackOrder[] Pair()
    {
        var end = new DateOnly(2023, 12, 31);
        for (var day = 0; day < 120; day++)
        {
            var to = end.AddDays(-day);
            AttackOrder[] pair =
            [
                AttackOrder.CustomTable("ddd", ["A10"], ["DE11"], to: Text(to), indexDate: "2023-12-31"),
                AttackOrder.CustomTable("ddd", ["A10"], ["DE11"], to: Text(to.AddDays(-1)), indexDate: "2023-12-31"),
            ];
            if (Difference(pair) is { Persons: >= 1 and <= 4, Sum: > 0 })
            {
                foreach (var order in pair)
                {
                    output.WriteLine($"order: {order}");
                }

                return pair;
            }
        }

        Assert.Fail("The extract offers no period end whose day-shorter twin differs in the values of 1-4 persons.");
        return [];
    }

    /// <summary>How many persons' values differ between the two orders, and the difference of the sums (recomputed from the registers).</summary>
    private (int Persons, long Sum) Difference(IReadOnlyList<AttackOrder> pair)
    {
        var (a, b) = (Values(pair[0]), Values(pair[1]));
        var differ = a.Keys.Union(b.Keys).Where(p => a.GetValueOrDefault(p) != b.GetValueOrDefault(p)).ToList();
        return (differ.Count, differ.Sum(p => a.GetValueOrDefault(p) - b.GetValueOrDefault(p)));
    }

    private Dictionary<string, long> Values(AttackOrder order) =>
        IndependentProducts.CohortTable("custom-table", extract.Rows, order.Spec).Records.Where(r => r.Value > 0).ToDictionary(r => r.Pnr, r => r.Value, StringComparer.Ordinal);

    private static long? Total(MagnitudeRead read) => read.Cells.Single().Published;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
