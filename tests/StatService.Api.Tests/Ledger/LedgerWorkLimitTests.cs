using StatService.Core.Localization;
using StatService.Worker.Pipeline;
using Xunit.Abstractions;

namespace StatService.Api.Tests.Ledger;

/// <summary>
/// The ledger's check spends counted work (simplex iterations) per order, not time: with a small limit, grammar orders piled
/// on the same persons are refused once their check needs more, with a reason that names no number, and what was
/// delivered still discloses no group to the independent attacker. The suite's random orders run at the default limit.
/// </summary>
[Collection(AttackExtractCollection.Name)]
public sealed class LedgerWorkLimitTests(AttackExtract extract, ITestOutputHelper output)
{
    [Fact]
    public async Task Orders_whose_check_outruns_the_work_limit_are_refused_and_the_rest_stay_safe()
    {
        var orders = new OrderGrammar(11).Orders(16).ToArray();
        List<OrderOutcome> outcomes;
        await using (var service = await AttackService.StartAsync(extract.Directory, "sqlite"))
        {
            service.Application.Settings[PipelineRegistration.IterationLimitKey] = "150";
            outcomes = await service.RunAsync(orders);
        }

        var refused = outcomes.Where(o => o.Reason == ReleaseLedgerCheck.WorkLimitReason).ToList();
        output.WriteLine($"{outcomes.Count(o => o.Status == "delivered")} delivered, {refused.Count} refused at the work limit");
        Assert.NotEmpty(refused);
        Assert.All(refused, o => Assert.Equal("failed", o.Status));
        Assert.Contains(outcomes, o => o.Status == "delivered");
        Assert.DoesNotMatch("[0-9]", ReleaseLedgerCheck.WorkLimitReason);
        Assert.Contains("arbejdsgrænse", Texts.Get("da", "reason.ledgerWorkLimit"), StringComparison.Ordinal);
        AttackVerdict.AssertNoDisclosure($"{orders.Length} orders at a small work limit", outcomes, extract, output, denominators: true);
    }
}
