using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// Three hundred seeded random orders (perturbations of the products' examples: codes, exclusions, days, ages, regions,
/// sex, occurrence, other products) sent over HTTP to one service, on SQLite and on PostgreSQL: the independent attacker,
/// holding every release and the raw registers, finds no group of 1-4 persons. The price is printed: how many were
/// delivered as they would be alone, with more cells hidden, or refused. The attacker reads every table, incidence-prevalence's
/// population tables (every resident by year, the rates' denominators) included: next to the cases they tell residents
/// from cases who died or moved away.
/// </summary>
[Collection(AttackExtractCollection.Name)]
public sealed class RandomOrdersAttackTests(AttackExtract extract, ITestOutputHelper output)
{
    /// <summary>
    /// Orders per run: 60 in the suite (a few minutes on two cores); <c>STATSERVICE_ATTACK_ORDERS=300</c> runs the full
    /// measure of the closing figures (about 70 minutes per store on a shared two-core machine: the audits grow with the
    /// ledger until the work limit refuses the orders it cannot finish).
    /// </summary>
    private static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable("STATSERVICE_ATTACK_ORDERS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 60;

    [Theory]
    [InlineData("sqlite", 11)]
    [InlineData("postgresql", 12)]
    public async Task Random_orders_disclose_no_small_group_and_their_price_is_printed(string provider, int seed)
    {
        var orders = new OrderGrammar(seed).Orders(Count).ToArray();
        List<OrderOutcome> outcomes;
        await using (var service = await AttackService.StartAsync(extract.Directory, provider))
        {
            outcomes = await service.RunAsync(orders);
        }

        var alone = new List<JsonElement?>();
        using (var pipeline = new LedgerlessPipeline(extract))
        {
            foreach (var order in orders)
            {
                alone.Add(await pipeline.ReleaseAsync(order));
            }
        }

        output.WriteLine(UsefulnessPrice.Describe(outcomes, alone));
        output.WriteLine($"without the population tables: {AttackVerdict.Attack(outcomes, extract, denominators: false).Describe()}");
        AttackVerdict.AssertNoDisclosure($"{orders.Length} random orders on {provider}", outcomes, extract, output, denominators: true);
    }
}
