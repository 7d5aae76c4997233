using System.Security.Cryptography;
using System.Text.Json;
using StatService.Core.Catalogue;
using StatService.Core.CodeLists;
using StatService.Core.Disclosure;
using StatService.Core.Orders;
using StatService.Data.Extracts;
using StatService.Disclosure;
using StatService.TestSupport.Attacks;
using StatService.Worker.Pipeline;
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
        var queries = PipelineRegistration.DefaultQueriesDirectory;
        var codeLists = CodeListSet.Load(Path.Combine(queries, "codelists"));
        var catalogue = ProductCatalogue.Load(queries);
        var registry = new ExtractRegistry(extract.Directory);
        using var databases = new ExtractDatabases(registry, new ExtractOptions());
        var pipeline = new OrderPipeline(catalogue, new Breakdowns(codeLists), registry, new ExtractQueryRunner(databases), new ReleaseProtection(),
            TimeProvider.System, ledger: null, recordKeys: new RecordKeySecret(RecordKeyPads.From(RandomNumberGenerator.GetBytes(32))));
        var validator = new OrderRequestValidator(catalogue, new CohortParametersReader(codeLists, ProcedureCodes.Load(Path.Combine(queries, "codelists")), new OrderLimits()), registry);

        var classes = new AttackClasses(extract.Rows);
        var leaking = new List<string>();
        foreach (var name in AttackClasses.Names)
        {
            var releases = new List<ReleaseRead>();
            foreach (var order in classes.Orders(name))
            {
                using var body = JsonDocument.Parse(order.Body);
                var validation = validator.Validate(body.RootElement);
                Assert.True(validation.IsValid, $"{order}: {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
                var delivery = await pipeline.RunAsync(new Order
                {
                    Id = Guid.NewGuid(),
                    Product = validation.Product!,
                    ParametersJson = validation.ParametersJson!,
                    RequesterId = "attacker",
                    SubmittedAt = DateTimeOffset.UtcNow,
                    ExtractVersion = extract.Version,
                }, CancellationToken.None);
                using var release = JsonDocument.Parse(delivery.Json);
                releases.Add(ReleaseReading.Read(release.RootElement.Clone(), extract.Rows, chapterOf: null));
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
